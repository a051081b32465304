import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor } from '../../test/support/kubectl'

// Scheduling and nodes with the real kubectl on a 3-node sandbox whose clock moves only when stepped:
// requests vs allocatable, taints and selectors, cordon/drain against a PodDisruptionBudget, a node whose
// kubelet stops, and nodes added and removed.
let sb: RunningSandbox
let k: KubectlRunner
let dir: string
const CP = 'knodes-control-plane'
const W1 = 'knodes-worker'
const W2 = 'knodes-worker2'

async function ok(args: string[], input?: string): Promise<string> {
  const r = await k.run(args, input !== undefined ? { input } : {})
  expect(r.exitCode, `kubectl ${args.join(' ')}\n${r.stderr}`).toBe(0)
  return r.stdout
}

// Steps the sandbox clock until `work` (a kubectl that waits on the cluster) finishes.
async function stepping<T>(work: Promise<T>): Promise<T> {
  let done = false
  const result = work.finally(() => {
    done = true
  })
  while (!done) {
    await sb.advance(500)
    await new Promise((r) => setTimeout(r, 20))
  }
  return result
}

const jsonpath = (args: string[], path: string): Promise<string> => ok([...args, '-o', `jsonpath=${path}`])

async function podsByNode(selector: string): Promise<Record<string, string[]>> {
  const out = await jsonpath(
    ['get', 'pods', '-l', selector],
    '{range .items[*]}{.metadata.name} {.spec.nodeName} {.metadata.deletionTimestamp}{"\\n"}{end}',
  )
  const byNode: Record<string, string[]> = {}
  for (const line of out.trim().split('\n').filter(Boolean)) {
    const [name = '', node = '', deleting] = line.split(' ')
    if (deleting) continue
    ;(byNode[node] ??= []).push(name)
  }
  return byNode
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'knodes-'))
  sb = await startSandbox({ name: 'knodes', manualClock: true, nodes: 3, stateFile: join(dir, 'state.json') })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('scheduling', () => {
  it("a pod that fits nowhere stays Pending with the scheduler's reasons", async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: "8", memory: 64Mi}}
`,
    )
    await sb.advance(3000)
    expect(await jsonpath(['get', 'pod', 'big'], '{.status.phase} {.spec.nodeName}')).toBe('Pending ')
    const message =
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.'
    expect(await jsonpath(['get', 'pod', 'big'], '{.status.conditions[0].message}')).toBe(message)
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.name=big'])
    expect(events).toContain('FailedScheduling')
    expect(events).toContain(message)
    expect(await jsonpath(['get', 'pod', 'big'], '{.status.qosClass}')).toBe('Burstable')
    await ok(['delete', 'pod', 'big', '--wait=false'])
  })

  it('taints keep pods off unless tolerated; nodeSelector picks the node', async () => {
    await ok(['taint', 'nodes', W2, 'dedicated=db:NoSchedule'])
    const pod = (tolerate: boolean): string => `apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  nodeSelector: {kubernetes.io/hostname: ${W2}}
${tolerate ? '  tolerations: [{key: dedicated, operator: Equal, value: db, effect: NoSchedule}]\n' : ''}  containers: [{name: db, image: redis:7}]
`
    await ok(['apply', '-f', '-'], pod(false))
    await sb.advance(1000)
    expect(await jsonpath(['get', 'pod', 'db'], '{.status.conditions[0].message}')).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
    await ok(['delete', 'pod', 'db'])
    await ok(['apply', '-f', '-'], pod(true))
    await sb.advance(3000)
    expect(await jsonpath(['get', 'pod', 'db'], '{.spec.nodeName} {.status.phase}')).toBe(`${W2} Running`)
    await ok(['taint', 'nodes', W2, 'dedicated-'])
    await stepping(ok(['delete', 'pod', 'db']))
  })
})

describe('cordon, drain and PodDisruptionBudgets', () => {
  it('drain is refused while the budget allows no disruption, then goes through', async () => {
    await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'])
    await stepping(ok(['rollout', 'status', 'deployment/web', '--timeout=60s']))
    await ok(['create', 'poddisruptionbudget', 'web', '--selector=app=web', '--min-available=3'])
    await sb.advance(500)
    expect(await ok(['get', 'pdb', 'web'])).toMatch(
      /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+3\s+N\/A\s+0\s+/,
    )
    const onW1 = (await podsByNode('app=web'))[W1] ?? []
    expect(onW1.length).toBe(1)

    const blocked = await k.run(['drain', W1, '--ignore-daemonsets', '--timeout=2s'])
    expect(blocked.exitCode).toBe(1)
    expect(blocked.stdout).toContain(`node/${W1} cordoned`)
    expect(blocked.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget.")
    expect(await ok(['get', 'node', W1])).toContain('Ready,SchedulingDisabled')
    expect(await jsonpath(['get', 'node', W1], '{.spec.taints[0].key}')).toBe(
      'node.kubernetes.io/unschedulable',
    )

    await ok(['patch', 'pdb', 'web', '--type=merge', '-p', '{"spec":{"minAvailable":2}}'])
    await sb.advance(500)
    const drained = await stepping(k.run(['drain', W1, '--ignore-daemonsets', '--timeout=60s']))
    expect(drained.exitCode, drained.stderr).toBe(0)
    expect(drained.stdout).toContain(`pod/${onW1[0]} evicted`)
    expect(drained.stdout).toContain(`node/${W1} drained`)
    await stepping(ok(['rollout', 'status', 'deployment/web', '--timeout=60s']))
    const after = await podsByNode('app=web')
    expect(after[W1]).toBeUndefined()
    expect(Object.values(after).flat().length).toBe(3)

    await ok(['uncordon', W1])
    expect(await ok(['get', 'node', W1])).not.toContain('SchedulingDisabled')
    expect(await jsonpath(['get', 'node', W1], '{.spec.taints}')).toBe('')
  })
})
