import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppsV1Api } from '@kubernetes/client-node'
import { diff, history, restart, setImage, setPaused, status, undo } from './rollout'
import { watchRolloutStatus } from './rollout-watch'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'

let f: SandboxFixture
const ns = 'default'

async function revisionIs(name: string, revision: string): Promise<void> {
  await eventually(
    async () => {
      const d = await f.kubeConfig.makeApiClient(AppsV1Api).readNamespacedDeployment({ name, namespace: ns })
      return d.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision ? true : undefined
    },
    15_000,
    `${name} at revision ${revision}`,
  )
}

async function twoImageChanges(name: string): Promise<void> {
  expect(
    (await f.kubectl.run(['create', 'deployment', name, '--image=nginx:1.25', '--replicas=2'])).exitCode,
  ).toBe(0)
  await revisionIs(name, '1')
  expect(await setImage(f.deps, { namespace: ns, name, container: 'nginx', image: 'nginx:1.26' })).toEqual({
    changed: true,
  })
  await revisionIs(name, '2')
  await setImage(f.deps, { namespace: ns, name, container: 'nginx', image: 'nginx:1.27' })
  await revisionIs(name, '3')
}

beforeAll(async () => {
  f = await startFixture('rollout-test')
}, 30_000)
afterAll(() => f?.stop())

describe('rollout against the sandbox, judged by kubectl', () => {
  it('undo to revision 1 leaves the same history as kubectl rollout undo --to-revision=1', async () => {
    await twoImageChanges('ours')
    await twoImageChanges('theirs')
    const result = await undo(f.deps, { namespace: ns, name: 'ours', toRevision: 1 })
    expect(result).toEqual({ rolledBack: true, toRevision: 1, message: 'deployment.apps/ours rolled back' })
    const theirs = await f.kubectl.run(['rollout', 'undo', 'deployment/theirs', '--to-revision=1'])
    expect(theirs.stdout.trim()).toBe('deployment.apps/theirs rolled back')
    await revisionIs('ours', '4')
    await revisionIs('theirs', '4')
    const a = await f.kubectl.run(['rollout', 'history', 'deployment/ours'])
    const b = await f.kubectl.run(['rollout', 'history', 'deployment/theirs'])
    expect(a.stdout.replaceAll('ours', 'X')).toBe(b.stdout.replaceAll('theirs', 'X'))
    expect(a.stdout).toMatch(
      /REVISION\s+CHANGE-CAUSE\n2\s+skiff set image deployment\/ours nginx=nginx:1.26\n3\s+.*\n4\s+<none>/,
    )
    // The same patch leaves the same object: annotations and template equal up to the name.
    const shape = async (name: string): Promise<string> => {
      const r = await f.kubectl.run([
        'get',
        'deploy',
        name,
        '-o',
        'jsonpath={.metadata.annotations}{"|"}{.spec.template}',
      ])
      return r.stdout.replaceAll(name, 'X')
    }
    expect(await shape('ours')).toBe(await shape('theirs'))

    const h = await history(f.deps, { namespace: ns, name: 'ours' })
    expect(h.revisions.map((r) => [r.revision, r.images[0], r.current])).toEqual([
      [2, 'nginx:1.26', false],
      [3, 'nginx:1.27', false],
      [4, 'nginx:1.25', true],
    ])
    const again = await undo(f.deps, { namespace: ns, name: 'ours', toRevision: 4 })
    expect(again.rolledBack).toBe(false)
    expect(again.message).toContain('skipped rollback')
  })

  it('diffs two revisions as pod-template YAML', async () => {
    const d = await diff(f.deps, { namespace: ns, name: 'ours', from: 2, to: 3 })
    expect(d.from.yaml).toContain('image: nginx:1.26')
    expect(d.to.yaml).toContain('image: nginx:1.27')
    expect(d.from.yaml).not.toContain('pod-template-hash')
    await expect(diff(f.deps, { namespace: ns, name: 'ours', from: 1, to: 3 })).rejects.toThrow('revision 1')
  })

  it('restarts with the restartedAt annotation and a new ReplicaSet rolls out', async () => {
    const { restartedAt } = await restart(f.deps, { namespace: ns, name: 'ours' })
    const ann = await f.kubectl.run([
      'get',
      'deploy',
      'ours',
      '-o',
      "jsonpath={.spec.template.metadata.annotations['kubectl\\.kubernetes\\.io/restartedAt']}",
    ])
    expect(ann.stdout.trim()).toBe(restartedAt)
    await revisionIs('ours', '5')
    const s = await eventually(
      async () => {
        const r = await status(f.deps, { namespace: ns, name: 'ours' })
        return r.done ? r : undefined
      },
      15_000,
      'rollout done',
    )
    expect(s.message).toBe('deployment "ours" successfully rolled out')
    const k = await f.kubectl.run(['rollout', 'status', 'deployment/ours', '--timeout=10s'])
    expect(k.stdout.trim().split('\n').at(-1)).toBe(s.message)
  })

  it('pauses and resumes; a paused deployment refuses restart and undo', async () => {
    expect(await setPaused(f.deps, { namespace: ns, name: 'theirs' }, true)).toEqual({ paused: true })
    await expect(restart(f.deps, { namespace: ns, name: 'theirs' })).rejects.toThrow(
      "can't restart paused deployment",
    )
    await expect(undo(f.deps, { namespace: ns, name: 'theirs' })).rejects.toThrow('paused deployment')
    const k = await f.kubectl.run(['get', 'deploy', 'theirs', '-o', 'jsonpath={.spec.paused}'])
    expect(k.stdout.trim()).toBe('true')
    expect(await setPaused(f.deps, { namespace: ns, name: 'theirs' }, false)).toEqual({ paused: false })
  })

  it('set image refuses an unknown container and is a no-op for the same image', async () => {
    await expect(
      setImage(f.deps, { namespace: ns, name: 'theirs', container: 'nope', image: 'x:1' }),
    ).rejects.toThrow('There is no container "nope"')
    expect(
      await setImage(f.deps, { namespace: ns, name: 'theirs', container: 'nginx', image: 'nginx:1.25' }),
    ).toEqual({
      changed: false,
    })
  })

  it('streams live status words until the new revision is rolled out, and stops on abort', async () => {
    const ac = new AbortController()
    const stream = watchRolloutStatus(f.deps, { namespace: ns, name: 'theirs' }, ac.signal)
    // Whatever state it starts in, it reaches kubectl's success words.
    for (let r = await stream.next(); !r.value?.done; r = await stream.next()) {
      if (r.done) throw new Error('stream ended early')
    }
    await setImage(f.deps, { namespace: ns, name: 'theirs', container: 'nginx', image: 'nginx:1.28' })
    const seen: string[] = []
    for (;;) {
      const r = await stream.next()
      if (r.done) throw new Error('stream ended early')
      seen.push(r.value.message)
      if (r.value.done) break
    }
    const legal =
      /^(Waiting for deployment spec update to be observed\.\.\.|Waiting for deployment "theirs" rollout to finish: .+\.\.\.|deployment "theirs" successfully rolled out)$/
    expect(seen.every((m) => legal.test(m))).toBe(true)
    expect(seen.some((m) => m.startsWith('Waiting'))).toBe(true)
    ac.abort()
    await expect(stream.next()).resolves.toMatchObject({ done: true })
  })
})
