import { describe, expect, it } from 'vitest'
import type { RowEvent } from '@shared/contract'
import type { PodRow } from '@shared/rows'
import { deploymentProblems } from '@shared/workload-health'
import { emptyRowSet, foldResourceEvent, type RowSet } from '../fold'
import { diffOrderedRows, PodHealthTally } from './pod-health-tally'

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const statuses = ['Running', 'Pending', 'ContainerCreating', 'ImagePullBackOff', 'CrashLoopBackOff', 'Error']
const statusesWithInit = [...statuses, 'Init:ErrImagePull', 'Completed']

function pod(rnd: () => number, name: string): PodRow {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const namespace = pick(['a', 'b'])
  const deployment = pick(['web', 'api', 'web-api'])
  const hash = pick(['h1', 'h2'])
  // Some pods belong to no deployment: a bare pod, or a ReplicaSet whose name does not carry the hash.
  const owner = pick(['rs', 'rs', 'rs', 'none', 'other'])
  return {
    kind: 'pods',
    key: `${namespace}/${name}`,
    name,
    namespace,
    uid: name,
    createdAt: '',
    labels: owner === 'none' ? {} : { 'pod-template-hash': hash },
    ...(owner === 'rs' ? { owner: { kind: 'ReplicaSet', name: `${deployment}-${hash}` } } : {}),
    ...(owner === 'other' ? { owner: { kind: 'ReplicaSet', name: `${deployment}-zz` } } : {}),
    ready: '0/1',
    status: pick(statusesWithInit),
    phase: 'Running',
    restarts: 0,
    containers: ['main'],
    ...(rnd() < 0.1 ? { deleting: true } : {}),
  }
}

/** A random watch batch over the pods so far: new pods, changed pods (same key, new object), deleted pods. */
function batch(rnd: () => number, set: RowSet<PodRow>, next: () => string): RowEvent<PodRow> {
  const upserts: PodRow[] = []
  const deletes: string[] = []
  const n = 1 + Math.floor(rnd() * 8)
  for (let i = 0; i < n; i++) {
    const r = rnd()
    const existing = set.rows[Math.floor(rnd() * set.rows.length)]
    if (r < 0.4 || !existing) upserts.push(pod(rnd, next()))
    else if (r < 0.75)
      upserts.push({ ...pod(rnd, existing.name), key: existing.key, namespace: existing.namespace })
    else deletes.push(existing.key)
  }
  return { type: 'delta', upserts, deletes }
}

describe('pod health tally', () => {
  it('matches a full recount after every batch of random adds, changes and deletes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed)
      let id = 0
      const next = (): string => `p${(id++).toString(36)}`
      let set = emptyRowSet as RowSet<PodRow>
      const first: PodRow[] = Array.from({ length: Math.floor(rnd() * 30) }, () => pod(rnd, next()))
      set = foldResourceEvent(set, { type: 'snapshot', rows: first }, 0)
      const tally = new PodHealthTally()
      for (let step = 0; step < 60; step++) {
        expect(new Map(tally.update(set.rows)), `seed ${seed} step ${step}`).toEqual(
          deploymentProblems(set.rows),
        )
        // A new snapshot now and then (a reconnect): every row is a new object.
        const event: RowEvent<PodRow> =
          rnd() < 0.05 ? { type: 'snapshot', rows: set.rows.map((p) => ({ ...p })) } : batch(rnd, set, next)
        set = foldResourceEvent(set, event, step)
      }
    }
  })

  it('keeps the same problems object while no deployment’s problem changed', () => {
    const rnd = random(7)
    const rows = Array.from({ length: 20 }, (_, i) => pod(rnd, `p${i}`))
    let set = foldResourceEvent(emptyRowSet as RowSet<PodRow>, { type: 'snapshot', rows }, 0)
    const tally = new PodHealthTally()
    const before = tally.update(set.rows)
    // A healthy pod of no deployment comes and goes: nothing any deployment shows changes.
    const bare: PodRow = { ...pod(rnd, 'zz-bare'), labels: {}, status: 'Running' }
    delete (bare as { owner?: unknown }).owner
    set = foldResourceEvent(set, { type: 'delta', upserts: [bare], deletes: [] }, 1)
    expect(tally.update(set.rows)).toBe(before)
    set = foldResourceEvent(set, { type: 'delta', upserts: [], deletes: [bare.key] }, 2)
    expect(tally.update(set.rows)).toBe(before)
  })

  it('reports a new stuck pod as soon as it arrives', () => {
    const owner = { kind: 'ReplicaSet', name: 'web-h1' }
    const healthy: PodRow = {
      ...pod(random(1), 'a'),
      key: 'x/a',
      namespace: 'x',
      owner,
      labels: { 'pod-template-hash': 'h1' },
      status: 'Running',
    }
    const tally = new PodHealthTally()
    expect(tally.update([healthy]).size).toBe(0)
    const stuck = { ...healthy, key: 'x/b', name: 'b', status: 'ImagePullBackOff' }
    expect(tally.update([healthy, stuck]).get('x/web')).toEqual({
      reason: 'ImagePullBackOff',
      failing: 1,
      total: 2,
    })
    expect(tally.update([healthy]).size).toBe(0)
  })
})

describe('diffOrderedRows', () => {
  it('names added, removed and replaced rows and skips those kept by identity', () => {
    const row = (key: string, v = 0): { key: string; v: number } => ({ key, v })
    const a = row('a')
    const b = row('b')
    const c = row('c')
    const b2 = row('b', 1)
    const d = row('d')
    const removed: string[] = []
    const added: string[] = []
    diffOrderedRows(
      [a, b, c],
      [b2, c, d],
      (r) => removed.push(`${r.key}${r.v}`),
      (r) => added.push(`${r.key}${r.v}`),
    )
    expect(removed).toEqual(['a0', 'b0'])
    expect(added).toEqual(['b1', 'd0'])
  })
})
