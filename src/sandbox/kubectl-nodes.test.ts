import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// Scheduling and nodes with the real kubectl on a 3-node sandbox whose clock moves only when stepped:
// requests vs allocatable, taints and selectors, cordon/drain against a PodDisruptionBudget, a node whose
// kubelet stops, and nodes added and removed.
let sb: RunningSandbox
let k: KubectlRunner
const { ok, jsonpath } = kubectlSteps(() => k)
let dir: string
const CP = 'knodes-control-plane'
const W1 = 'knodes-worker'
const W2 = 'knodes-worker2'

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
    // a NoExecute taint the pod does not tolerate evicts it at once
    await ok(['taint', 'nodes', W2, 'maintenance=now:NoExecute'])
    await sb.advance(2_000)
    expect((await k.run(['get', 'pod', 'db'])).stderr).toContain('pods "db" not found')
    const evicted = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=db,reason=TaintManagerEviction',
    ])
    expect(evicted).toContain('Marking for deletion Pod default/db')
    await ok(['taint', 'nodes', W2, 'maintenance-'])
  })
})

describe('cordon, drain and PodDisruptionBudgets', () => {
  it('drain is refused while the budget allows no disruption, then goes through', async () => {
    await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'])
    await sb.advance(4_000)
    expect(await jsonpath(['get', 'deploy', 'web'], '{.status.readyReplicas}')).toBe('3')
    await ok(['create', 'poddisruptionbudget', 'web', '--selector=app=web', '--min-available=3'])
    await sb.advance(500)
    expect(await ok(['get', 'pdb', 'web'])).toMatch(
      /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+3\s+N\/A\s+0\s+/,
    )
    const onW1 = (await podsByNode('app=web'))[W1] ?? []
    expect(onW1.length).toBe(1)

    const blocked = await k.run(['drain', W1, '--ignore-daemonsets', '--timeout=1s'])
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
    await sb.advance(4_000)
    expect(await jsonpath(['get', 'deploy', 'web'], '{.status.readyReplicas}')).toBe('3')
    const after = await podsByNode('app=web')
    expect(after[W1]).toBeUndefined()
    expect(Object.values(after).flat().length).toBe(3)

    await ok(['uncordon', W1])
    expect(await ok(['get', 'node', W1])).not.toContain('SchedulingDisabled')
    expect(await jsonpath(['get', 'node', W1], '{.spec.taints}')).toBe('')
  })
})

describe('PodDisruptionBudget as an API kind', () => {
  it('is explained, applied server-side, computes maxUnavailable from the scale; Eviction dry run and two budgets', async () => {
    expect(await ok(['explain', 'pdb.spec.maxUnavailable'])).toContain('GROUP:      policy')
    const applied = await ok(
      ['apply', '--server-side', '-f', '-'],
      `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-max}
spec:
  maxUnavailable: 34%
  selector: {matchLabels: {app: other}}
`,
    )
    expect(applied).toBe('poddisruptionbudget.policy/web-max serverside-applied\n')
    await ok(['create', 'deployment', 'other', '--image=nginx:1.27', '--replicas=3'])
    await sb.advance(4_000)
    expect(
      await jsonpath(
        ['get', 'pdb', 'web-max'],
        '{.status.expectedPods} {.status.desiredHealthy} {.status.currentHealthy} {.status.disruptionsAllowed}',
      ),
    ).toBe('3 1 3 2')
    // the Eviction API itself: a dry run goes through, two budgets for one pod are refused
    const victim = (await jsonpath(['get', 'pods', '-l', 'app=other'], '{.items[0].metadata.name}')).trim()
    const eviction = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: victim } })
    const path = `/api/v1/namespaces/default/pods/${victim}/eviction`
    expect(await ok(['create', '--raw', `${path}?dryRun=All`, '-f', '-'], eviction)).toContain(
      '"status":"Success"',
    )
    await ok(['create', 'pdb', 'other-too', '--selector=app=other', '--max-unavailable=1'])
    const twice = await k.run(['create', '--raw', path, '-f', '-'], { input: eviction })
    expect(twice.stderr).toContain(
      'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    )
    expect(await jsonpath(['get', 'pod', victim], '{.metadata.name}')).toBe(victim)
    await ok(['delete', 'pdb', 'web-max', 'other-too'])
    await ok(['delete', 'deployment', 'other'])
    await stepping(ok(['wait', '--for=delete', 'pod', '-l', 'app=other', '--timeout=30s']))
  })
})

describe('node failure, added and removed nodes', () => {
  it('a node whose kubelet stops goes NotReady and its pods are replaced elsewhere', async () => {
    const before = await podsByNode('app=web')
    const victims = before[W2] ?? []
    expect(victims.length).toBeGreaterThan(0)
    await ok(['annotate', 'node', W2, 'sandbox.skiff.dev/kubelet=stopped'])
    await sb.advance(49_000)
    expect(await ok(['get', 'node', W2])).toMatch(/\sReady\s/)
    await sb.advance(2_000)
    expect(await ok(['get', 'node', W2])).toMatch(/\sNotReady\s/)
    expect(await jsonpath(['get', 'node', W2], '{range .spec.taints[*]}{.key}:{.effect} {end}')).toBe(
      'node.kubernetes.io/unreachable:NoSchedule node.kubernetes.io/unreachable:NoExecute ',
    )
    expect(
      await jsonpath(['get', 'pod', victims[0] ?? ''], '{.status.conditions[?(@.type=="Ready")].status}'),
    ).toBe('False')
    // the default unreachable toleration lasts 300 s
    await sb.advance(295_000)
    expect((await podsByNode('app=web'))[W2]).toEqual(victims)
    await sb.advance(10_000)
    const events = await ok(['get', 'events', '--field-selector', `involvedObject.name=${victims[0] ?? ''}`])
    expect(events).toContain('TaintManagerEviction')
    expect(events).toContain(`Marking for deletion Pod default/${victims[0] ?? ''}`)
    // the unreachable kubelet never confirms: the old pods stay Terminating, replacements run elsewhere
    expect(await ok(['get', 'pods', victims[0] ?? ''])).toContain('Terminating')
    await sb.advance(5_000)
    const after = await podsByNode('app=web')
    expect(after[W2]).toBeUndefined()
    expect(Object.values(after).flat().length).toBe(3)
    expect(await jsonpath(['get', 'deploy', 'web'], '{.status.readyReplicas}')).toBe('3')

    // the kubelet comes back: the node is Ready again and finishes the deletions
    await ok(['annotate', 'node', W2, 'sandbox.skiff.dev/kubelet-'])
    await sb.advance(3_000)
    expect(await ok(['get', 'node', W2])).toMatch(/\sReady\s/)
    expect(await jsonpath(['get', 'node', W2], '{.spec.taints}')).toBe('')
    expect((await ok(['get', 'pods', '-l', 'app=web'])).includes('Terminating')).toBe(false)
  })

  it('a created Node registers and takes pods; a deleted one loses them to the others', async () => {
    const W3 = 'knodes-worker3'
    expect(
      await ok(['create', '-f', '-'], `{"apiVersion":"v1","kind":"Node","metadata":{"name":"${W3}"}}`),
    ).toBe(`node/${W3} created\n`)
    await sb.advance(500)
    expect(await ok(['get', 'nodes', W3])).toMatch(new RegExp(`^NAME.*\\n${W3}\\s+Ready\\s+<none>\\s`))
    expect(await jsonpath(['get', 'node', W3], '{.spec.podCIDR} {.status.allocatable.cpu}')).toBe(
      '10.244.3.0/24 4',
    )
    // only the new node has room: the others are cordoned
    for (const n of [CP, W1, W2]) await ok(['cordon', n])
    await ok(['scale', 'deployment/web', '--replicas=5'])
    await sb.advance(4_000)
    const placed = await podsByNode('app=web')
    expect(placed[W3]?.length).toBe(2)
    expect(await jsonpath(['get', 'pod', placed[W3]?.[0] ?? ''], '{.status.podIP}')).toMatch(/^10\.244\.3\./)
    for (const n of [CP, W1, W2]) await ok(['uncordon', n])

    await ok(['delete', 'node', W3])
    await sb.advance(4_000)
    const after = await podsByNode('app=web')
    expect(after[W3]).toBeUndefined()
    expect(Object.values(after).flat().length).toBe(5)
    expect(await ok(['get', 'nodes', '-o', 'name'])).not.toContain(W3)
  })
})

describe('persistence', () => {
  it('budgets, taints and cordons survive a restart', async () => {
    await ok(['cordon', W1])
    await ok(['taint', 'nodes', W2, 'gpu=yes:NoSchedule'])
    await sb.stop()
    sb = await startSandbox({
      name: 'knodes',
      manualClock: true,
      nodes: 3,
      stateFile: join(dir, 'state.json'),
    })
    await sb.advance(1_000)
    expect(await ok(['get', 'pdb', 'web'])).toMatch(/web\s+2\s+N\/A\s+3\s+/)
    expect(await ok(['get', 'node', W1])).toContain('Ready,SchedulingDisabled')
    expect(await jsonpath(['get', 'node', W2], '{.spec.taints[0].key}')).toBe('gpu')
    // new pods go only where the restored cordon and taint let them
    const before = await podsByNode('app=web')
    await ok(['scale', 'deployment/web', '--replicas=6'])
    await sb.advance(4_000)
    const after = await podsByNode('app=web')
    expect([after[W1], after[W2]]).toEqual([before[W1], before[W2]])
    expect(after[CP]?.length).toBe((before[CP]?.length ?? 0) + 1)
  })
})
