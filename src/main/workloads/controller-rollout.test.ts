import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RolloutStatus } from '@shared/contract'
import { diff, history, setImage, status, undo, type WorkloadRef } from './rollout'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'

// StatefulSet and DaemonSet rollouts through ControllerRevisions, on a manual sandbox clock the test steps.
let f: SandboxFixture
const sts: WorkloadRef = { namespace: 'default', name: 'web', kind: 'statefulsets' }
const ds: WorkloadRef = { namespace: 'default', name: 'logs', kind: 'daemonsets' }

const MANIFESTS = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: 'nginx:1.26'}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logs}
spec:
  selector: {matchLabels: {app: logs}}
  template:
    metadata: {labels: {app: logs}}
    spec:
      containers: [{name: agent, image: 'fluent/fluent-bit:3.1'}]
`

/** Steps the sandbox clock until the rollout is done; returns every status seen on the way. */
async function rolledOut(ref: WorkloadRef): Promise<RolloutStatus[]> {
  const seen: RolloutStatus[] = []
  for (let i = 0; i < 20; i++) {
    const s = await status(f.deps, ref)
    seen.push(s)
    if (s.done) return seen
    await f.sandbox.advance(10_000)
  }
  throw new Error(`${ref.name} did not roll out: ${seen.at(-1)?.message}`)
}

async function podImages(app: string): Promise<string> {
  const r = await f.kubectl.run([
    'get',
    'pods',
    '-l',
    `app=${app}`,
    '-o',
    'jsonpath={.items[*].spec.containers[0].image}',
  ])
  return r.stdout
}

beforeAll(async () => {
  f = await startFixture('set-rollout', 50, true)
  expect((await f.kubectl.run(['apply', '-f', '-'], { input: MANIFESTS })).exitCode).toBe(0)
}, 30_000)
afterAll(() => f?.stop())

describe('StatefulSet and DaemonSet rollout', () => {
  it('reports progress, lists revisions after an image change, diffs them and undoes as kubectl does', async () => {
    const first = await rolledOut(sts)
    expect(first.at(-1)?.message).toBe('partitioned roll out complete: 2 new pods have been updated...')
    expect(first.some((s) => !s.done && /^Waiting for \d pods to be ready\.\.\.$/.test(s.message))).toBe(true)
    await setImage(f.deps, { ...sts, container: 'nginx', image: 'nginx:1.27' })
    await rolledOut(sts)
    expect(await podImages('web')).toBe('nginx:1.27 nginx:1.27')

    const { revisions } = await history(f.deps, sts)
    expect(revisions.map((r) => [r.revision, r.images.join(), r.current, r.readyReplicas])).toEqual([
      [1, 'nginx:1.26', false, 0],
      [2, 'nginx:1.27', true, 2],
    ])
    expect(revisions[1]?.changeCause).toBe('skiff set image statefulset/web nginx=nginx:1.27')
    const d = await diff(f.deps, { ...sts, from: 1, to: 2 })
    expect(d.from.yaml).toContain('image: nginx:1.26')
    expect(d.to.yaml).toContain('image: nginx:1.27')
    await expect(diff(f.deps, { ...sts, from: 1, to: 9 })).rejects.toThrow(
      'unable to find specified revision 9 in history',
    )

    expect(await undo(f.deps, sts)).toEqual({
      rolledBack: true,
      toRevision: 1,
      message: 'statefulset.apps/web rolled back',
    })
    await rolledOut(sts)
    expect(await podImages('web')).toBe('nginx:1.26 nginx:1.26')
    // The controller moved the restored template to the top, as after kubectl rollout undo.
    const after = await f.kubectl.run(['rollout', 'history', 'sts/web'])
    expect(after.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+skiff set image .*\n3\s+/)
    const managers = await f.kubectl.run([
      'get',
      'sts',
      'web',
      '--show-managed-fields',
      '-o',
      'jsonpath={.metadata.managedFields[*].manager}',
    ])
    expect(managers.stdout.split(' ')).toContain('skiff')
    expect((await undo(f.deps, { ...sts, toRevision: 3 })).message).toBe(
      'skipped rollback (current template already matches revision 3)',
    )
  })

  it('rolls a DaemonSet forward and back through its revisions', async () => {
    expect((await rolledOut(ds)).at(-1)?.message).toBe('daemon set "logs" successfully rolled out')
    await setImage(f.deps, { ...ds, container: 'agent', image: 'fluent/fluent-bit:3.2' })
    await rolledOut(ds)
    const { revisions } = await history(f.deps, ds)
    expect(revisions.map((r) => [r.revision, r.images.join(), r.current])).toEqual([
      [1, 'fluent/fluent-bit:3.1', false],
      [2, 'fluent/fluent-bit:3.2', true],
    ])
    expect(revisions[1]?.readyReplicas).toBe(revisions[1]?.replicas)
    expect((await undo(f.deps, { ...ds, toRevision: 1 })).message).toBe('daemonset.apps/logs rolled back')
    await rolledOut(ds)
    expect(new Set((await podImages('logs')).split(' '))).toEqual(new Set(['fluent/fluent-bit:3.1']))
  })
})
