import { describe, expect, it } from 'vitest'
import type { PersistentVolumeClaim } from '../types-apps'
import type { KObj } from '../types'
import type { Sync } from './index'
import { PROVISIONER, PROVISIONING_MS, provision } from './volume-provisioner'

/** A Sync whose clock is set by hand and whose timers are only recorded. */
function fakeSync() {
  let now = 1_000_000
  const timers: { key: string; delayMs: number }[] = []
  const created: unknown[] = []
  const sync = {
    clock: { now: () => now, setTimer: () => () => {}, dispose: () => {} },
    events: { record: () => {} },
    enqueue: () => {},
    after: (key: string, delayMs: number) => timers.push({ key, delayMs }),
    api: { create: (_def: unknown, _ns: string, obj: unknown) => (created.push(obj), obj) },
  } as unknown as Sync
  return { sync, timers, created, set: (t: number) => (now = t), now: () => now }
}

const claim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'data-db-0',
    namespace: 'default',
    uid: 'u-1',
    annotations: { 'volume.kubernetes.io/storage-provisioner': PROVISIONER },
  },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
} as unknown as PersistentVolumeClaim
const sc = { metadata: { name: 'standard' }, provisioner: PROVISIONER } as unknown as KObj

describe('the local-path provisioner', () => {
  it('waits out the rest when woken early, and creates the volume once the time has passed', () => {
    const f = fakeSync()
    const start = f.now()
    provision(f.sync, claim, sc, 'node-1')
    expect(f.timers).toEqual([{ key: 'PersistentVolumeClaim|default|data-db-0', delayMs: PROVISIONING_MS }])
    // The timer fired, but the clock reads a little short of the delay (a real clock at speed 50 reads
    // 50 ms short for 1 ms of difference between the two clocks): a new timer for the rest, no volume yet.
    f.set(start + PROVISIONING_MS - 50)
    provision(f.sync, claim, sc, 'node-1')
    expect(f.timers.at(-1)).toEqual({ key: 'PersistentVolumeClaim|default|data-db-0', delayMs: 50 })
    expect(f.created).toEqual([])
    f.set(start + PROVISIONING_MS)
    provision(f.sync, claim, sc, 'node-1')
    expect(f.created).toHaveLength(1)
  })
})
