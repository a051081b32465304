import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionMethods } from '@shared/contract/actions'
import type { DrainPlan, DrainResult } from '@shared/contract'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createActionHandlers } from '../handlers/actions'

// Cordon, the drain preview and drain through the Eviction API, against the sandbox's one node.

let f: SandboxFixture
let node: string

beforeAll(async () => {
  f = await startFixture('node-drain', 50)
  node = (await f.kubectl.out(['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}'])).trim()
})
afterAll(async () => {
  await f?.stop()
})

const handlers = () => createActionHandlers(f.deps).methods
async function call<M extends 'nodes.cordon' | 'nodes.drainPlan' | 'nodes.drain'>(
  m: M,
  input: unknown,
): Promise<unknown> {
  return (handlers()[m] as (i: unknown) => Promise<unknown>)(actionMethods[m].input.parse(input))
}

const mine = <T extends { pod?: string; namespace?: string }>(list: T[], ns = 'default'): T[] =>
  list.filter((p) => (p.namespace ?? p.pod?.split('/')[0]) === ns)

describe('node actions', () => {
  it('cordons and uncordons as skiff', async () => {
    expect(await call('nodes.cordon', { name: node, unschedulable: true })).toEqual({ unschedulable: true })
    expect(await f.kubectl.out(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('true')
    const managers = await f.kubectl.out([
      'get',
      'node',
      node,
      '--show-managed-fields',
      '-o',
      'jsonpath={.metadata.managedFields[*].manager}',
    ])
    expect(managers.split(' ')).toContain('skiff')
    expect(await call('nodes.cordon', { name: node, unschedulable: false })).toEqual({ unschedulable: false })
    expect(await f.kubectl.out(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('')
  })

  it('previews what drain evicts and what a budget blocks, then evicts what it may', async () => {
    await f.kubectl.out(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])
    await f.kubectl.out(['create', 'pdb', 'web', '--selector=app=web', '--min-available=1'])
    await f.kubectl.out(['run', 'solo', '--image=nginx'])
    await eventually(
      async () => {
        const allowed = await f.kubectl.out([
          'get',
          'pdb',
          'web',
          '-o',
          'jsonpath={.status.disruptionsAllowed}',
        ])
        return allowed.trim() === '1' ? true : undefined
      },
      30_000,
      'the budget to allow one disruption',
    )

    const plan = (await call('nodes.drainPlan', { name: node })) as DrainPlan
    expect(plan.unschedulable).toBe(false)
    const pods = mine(plan.pods)
    expect(pods).toHaveLength(3)
    const solo = pods.find((p) => p.name === 'solo')
    expect(solo).toMatchObject({ action: 'evict' })
    expect(solo?.notes.join(' ')).toMatch(/Not managed by a controller/)
    const web = pods.filter((p) => p.name.startsWith('web-'))
    expect(web.every((p) => p.owner?.startsWith('ReplicaSet web-'))).toBe(true)
    expect(web.filter((p) => p.blockedBy).map((p) => p.blockedBy)).toEqual([
      expect.stringMatching(/^PodDisruptionBudget web allows 1 disruption/),
    ])

    const result = (await call('nodes.drain', { name: node })) as DrainResult
    expect(await f.kubectl.out(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('true')
    const evicted = result.evicted.filter((p) => p.startsWith('default/'))
    expect(evicted).toHaveLength(2)
    expect(evicted).toContain('default/solo')
    expect(mine(result.blocked)).toEqual([
      {
        pod: expect.stringMatching(/^default\/web-/),
        message: expect.stringMatching(/^Cannot evict pod as it would violate the pod's disruption budget/),
      },
    ])
    expect(mine(result.failed)).toEqual([])
    await eventually(
      async () => {
        const names = await f.kubectl.out(['get', 'pods', '-o', 'name'])
        return names.includes('pod/solo') ? undefined : true
      },
      30_000,
      'the evicted bare pod to be gone',
    )
  })
})
