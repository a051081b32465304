import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { bootstrap } from '../bootstrap'
import { manualClock } from '../clock'
import { TrafficMeter } from '../metrics/traffic'
import { Store } from '../store/store'
import type { Pod } from '../types'
import type { Controllers } from './index'
import { startControllers } from './index'

// A clock step returns once the cluster is quiet: also after the container scripts the step started (an exec
// probe), which end on a later turn of the event loop, and after what the controllers did with their result.
// The pod is read from the store straight after the step, with no request in between to give them time.
const clock = manualClock(Date.parse('2026-03-01T10:00:00.250Z'))
const api = new ObjectApi(new Store(), clock)
let controllers: Controllers
const podDef = resourceByKind('Pod')

beforeAll(() => {
  controllers = startControllers({
    api,
    clock,
    clusterName: 'settle',
    nodeCount: 1,
    traffic: new TrafficMeter(),
  })
  bootstrap(api, 'settle', 1, 'ca')
})
afterAll(() => {
  controllers.stop()
  clock.dispose()
})

const step = (ms: number, scriptWaitMs?: number): Promise<void> =>
  clock.advance(ms, () => controllers.settle(scriptWaitMs))

function probed(name: string, command: string[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      nodeName: 'settle-control-plane',
      containers: [
        { name: 'main', image: 'nginx:1.27', readinessProbe: { exec: { command }, periodSeconds: 5 } },
      ],
    },
  } as unknown as Pod
}

function ready(name: string): boolean | undefined {
  const pod = api.store.get(podDef, 'default', name)?.obj as Pod | undefined
  return pod?.status.containerStatuses?.[0]?.ready
}

describe('a manual clock step', () => {
  it('waits for the exec probes it started and the kubelet’s reaction to them', async () => {
    // `sleep 0.2` is real time in the simulated shell: the probe ends many macrotasks after the step's flush
    api.create(podDef, 'default', probed('slow-probe', ['sh', '-c', 'sleep 0.2; exit 0']))
    await step(3000)
    expect(ready('slow-probe')).toBe(true)
  })

  it('waits for a probe only so long, then lets it land after the step', async () => {
    api.create(podDef, 'default', probed('stuck-probe', ['sleep', '3']))
    const started = Date.now()
    await step(3000, 300)
    expect(Date.now() - started).toBeLessThan(2500)
    expect(ready('stuck-probe')).toBe(false)
  })
})
