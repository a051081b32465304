import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// StatefulSets and DaemonSets with the real kubectl, on a manual clock the test steps.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

// Steps the sandbox clock until `check` passes (simulated time, not real waiting).
async function until(check: () => Promise<boolean>, steps = 12, stepMs = 10_000): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (await check()) return
    await sb.advance(stepMs)
  }
  throw new Error('condition not reached on the sandbox clock')
}

const names = async (args: string[]): Promise<string> =>
  (await ok([...args, '-o', 'jsonpath={.items[*].metadata.name}'])).trim()

const WEB = `apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
        ports: [{containerPort: 80, name: web}]
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`

beforeAll(async () => {
  sb = await startSandbox({ name: 'ksts', manualClock: true, nodes: 2 })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('StatefulSet', () => {
  it('creates pods in order, each after the one before is ready, with their claims', async () => {
    await ok(['apply', '-f', '-'], WEB)
    await sb.advance(0)
    // OrderedReady: web-1 does not exist until web-0 is Running and Ready
    expect(await names(['get', 'pods', '-l', 'app=nginx'])).toBe('web-0')
    await until(async () => (await names(['get', 'pods', '-l', 'app=nginx'])) === 'web-0 web-1')
    await until(async () => (await ok(['get', 'sts', 'web'])).includes('2/2'))
    expect(await ok(['get', 'sts', 'web'])).toMatch(/^NAME\s+READY\s+AGE\nweb\s+2\/2\s+\S+\n$/)
    expect(await names(['get', 'pvc'])).toBe('www-web-0 www-web-1')
    const pod = JSON.parse(await ok(['get', 'pod', 'web-1', '-o', 'json'])) as {
      metadata: { labels: Record<string, string> }
      spec: { hostname: string; subdomain: string; volumes: Array<{ persistentVolumeClaim?: unknown }> }
    }
    expect(pod.spec.hostname).toBe('web-1')
    expect(pod.spec.subdomain).toBe('nginx')
    expect(pod.metadata.labels['statefulset.kubernetes.io/pod-name']).toBe('web-1')
    expect(pod.metadata.labels['apps.kubernetes.io/pod-index']).toBe('1')
    expect(pod.spec.volumes[0]?.persistentVolumeClaim).toEqual({ claimName: 'www-web-1' })
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=web',
      '-o',
      'jsonpath={.items[*].message}',
    ])
    expect(events).toContain('create Claim www-web-0 Pod web-0 in StatefulSet web success')
    expect(events).toContain('create Pod web-1 in StatefulSet web successful')
    expect(await ok(['rollout', 'status', 'sts/web', '--timeout=5s'])).toBe(
      'partitioned roll out complete: 2 new pods have been updated...\n',
    )
  })

  it('scales up in order and down from the highest ordinal, keeping the claims', async () => {
    expect(await ok(['scale', 'sts/web', '--replicas=4'])).toBe('statefulset.apps/web scaled\n')
    await sb.advance(0)
    expect(await names(['get', 'pods', '-l', 'app=nginx'])).toBe('web-0 web-1 web-2')
    await until(async () => (await ok(['get', 'sts', 'web'])).includes('4/4'))
    await ok(['scale', 'sts/web', '--replicas=1'])
    await sb.advance(0)
    // web-3 goes first; web-2 waits for it to be gone
    const phases = await ok([
      'get',
      'pods',
      '-l',
      'app=nginx',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.metadata.deletionTimestamp}{" "}{end}',
    ])
    expect(phases).toMatch(/web-2= /)
    expect(phases).toMatch(/web-3=\d{4}-/)
    await until(async () => (await names(['get', 'pods', '-l', 'app=nginx'])) === 'web-0')
    expect(await names(['get', 'pvc'])).toBe('www-web-0 www-web-1 www-web-2 www-web-3')
    await ok(['scale', 'sts/web', '--replicas=2'])
    await until(async () => (await ok(['get', 'sts', 'web'])).includes('2/2'))
  })

  it('rolls out a new template from the highest ordinal, and rollout undo goes back', async () => {
    await ok(['set', 'image', 'sts/web', 'nginx=nginx:1.27'])
    await until(async () =>
      (await ok(['rollout', 'status', 'sts/web', '--watch=false'])).startsWith(
        'partitioned roll out complete: 2',
      ),
    )
    expect(
      await ok(['get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={.items[*].spec.containers[0].image}']),
    ).toBe('nginx:1.27 nginx:1.27')
    expect(await ok(['rollout', 'history', 'sts/web'])).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    )
    expect(await ok(['get', 'controllerrevisions'])).toMatch(
      /^NAME\s+CONTROLLER\s+REVISION\s+AGE\nweb-\w+\s+statefulset\.apps\/web\s+1\s+\S+\nweb-\w+\s+statefulset\.apps\/web\s+2\s+\S+\n$/,
    )
    expect(await ok(['rollout', 'history', 'sts/web', '--revision=1'])).toMatch(/Image:\s+nginx:1\.26/)
    expect(await ok(['rollout', 'undo', 'sts/web'])).toBe('statefulset.apps/web rolled back\n')
    await until(
      async () =>
        (await ok([
          'get',
          'pods',
          '-l',
          'app=nginx',
          '-o',
          'jsonpath={.items[*].spec.containers[0].image}',
        ])) === 'nginx:1.26 nginx:1.26',
    )
    await until(async () =>
      (await ok(['rollout', 'status', 'sts/web', '--watch=false'])).startsWith(
        'partitioned roll out complete: 2',
      ),
    )
    expect(await ok(['rollout', 'history', 'sts/web'])).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    )
  })

  it('keeps pods below the partition on the old revision', async () => {
    await ok(['patch', 'sts/web', '-p', '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'])
    await ok(['set', 'image', 'sts/web', 'nginx=nginx:1.28'])
    await until(async () =>
      (await ok(['rollout', 'status', 'sts/web', '--watch=false'])).startsWith(
        'partitioned roll out complete: 1',
      ),
    )
    expect(
      await ok(['get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={.items[*].spec.containers[0].image}']),
    ).toBe('nginx:1.26 nginx:1.28')
  })
  it('deletes the claims of scaled-away pods when whenScaled is Delete', async () => {
    await ok([
      'patch',
      'sts/web',
      '-p',
      '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete"}}}',
    ])
    await ok(['scale', 'sts/web', '--replicas=1'])
    await until(async () => (await names(['get', 'pvc'])) === 'www-web-0')
    expect(await names(['get', 'pods', '-l', 'app=nginx'])).toBe('web-0')
  })
})

const LOGS = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logs}
spec:
  selector: {matchLabels: {app: logs}}
  template:
    metadata: {labels: {app: logs}}
    spec:
      containers: [{name: agent, image: fluent/fluent-bit:3.1}]
`

describe('DaemonSet', () => {
  const nodeOf = async (): Promise<string> =>
    (await ok(['get', 'pods', '-l', 'app=logs', '-o', 'jsonpath={.items[*].spec.nodeName}'])).trim()

  it('runs one pod on every node, pinned by node affinity', async () => {
    await ok(['apply', '-f', '-'], LOGS)
    await until(async () =>
      (await ok(['rollout', 'status', 'ds/logs', '--watch=false'])).includes('successfully'),
    )
    expect(await ok(['rollout', 'status', 'ds/logs', '--watch=false'])).toBe(
      'daemon set "logs" successfully rolled out\n',
    )
    expect((await nodeOf()).split(' ').sort()).toEqual(['ksts-control-plane', 'ksts-worker'])
    expect(await ok(['get', 'ds', 'logs'])).toMatch(
      /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nlogs\s+2\s+2\s+2\s+2\s+2\s+<none>\s+\S+\n$/,
    )
    const pod = JSON.parse(await ok(['get', 'pods', '-l', 'app=logs', '-o', 'json'])) as {
      items: Array<{ spec: { tolerations: Array<{ key: string }> } }>
    }
    expect(pod.items[0]?.spec.tolerations.map((t) => t.key)).toContain('node.kubernetes.io/unreachable')
  })

  it('follows a nodeSelector and keeps running pods on a NoSchedule-tainted node', async () => {
    await ok(['label', 'node', 'ksts-worker', 'disk=ssd'])
    await ok(['patch', 'ds/logs', '-p', '{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'])
    await until(
      async () =>
        (await nodeOf()) === 'ksts-worker' && (await ok(['get', 'ds', 'logs'])).includes('disk=ssd'),
    )
    await ok(['taint', 'node', 'ksts-worker', 'dedicated=x:NoSchedule'])
    await sb.advance(2000)
    expect(await nodeOf()).toBe('ksts-worker')
    await ok(['taint', 'node', 'ksts-worker', 'dedicated=x:NoExecute'])
    await until(async () => (await nodeOf()) === '')
    await ok(['taint', 'node', 'ksts-worker', 'dedicated-'])
    await ok([
      'patch',
      'ds/logs',
      '--type=json',
      '-p',
      '[{"op":"remove","path":"/spec/template/spec/nodeSelector"}]',
    ])
    await until(async () => (await nodeOf()).split(' ').length === 2)
  })

  it('rolls out an image node by node, and rollout undo restores the previous one', async () => {
    await ok(['set', 'image', 'ds/logs', 'agent=fluent/fluent-bit:3.2'])
    await until(async () =>
      (await ok(['rollout', 'status', 'ds/logs', '--watch=false'])).includes('successfully'),
    )
    const images = async (): Promise<string> =>
      (
        await ok(['get', 'pods', '-l', 'app=logs', '-o', 'jsonpath={.items[*].spec.containers[0].image}'])
      ).trim()
    expect(await images()).toBe('fluent/fluent-bit:3.2 fluent/fluent-bit:3.2')
    const history = await ok(['rollout', 'history', 'ds/logs'])
    expect(history).toMatch(/^daemonset\.apps\/logs \nREVISION {2}CHANGE-CAUSE\n(\d+\s+<none>\n){3,}\n$/)
    expect(await ok(['rollout', 'undo', 'ds/logs'])).toBe('daemonset.apps/logs rolled back\n')
    await until(async () => (await images()) === 'fluent/fluent-bit:3.1 fluent/fluent-bit:3.1')
    // the restored template's revision moved to the top of the history
    const top = (await ok(['rollout', 'history', 'ds/logs'])).trim().split('\n').pop()?.split(/\s+/)[0] ?? ''
    expect(await ok(['rollout', 'undo', 'ds/logs', `--to-revision=${top}`])).toBe(
      `daemonset.apps/logs skipped rollback (current template already matches revision ${top})\n`,
    )
  })
})
