import { describe, expect, it } from 'vitest'
import type { Row } from '@shared/rows'
import { createDeltaBatcher, type DeltaBatch, type DeltaBatcher } from './batcher'
import { fakeTimers } from '../../../test/support/timers'

const row = (key: string, data = 0): Row => ({
  kind: 'configmaps',
  key,
  name: key,
  uid: key,
  createdAt: '',
  labels: {},
  data,
})

function setup(): {
  batches: DeltaBatch[]
  timers: ReturnType<typeof fakeTimers>
  b: DeltaBatcher
} {
  const batches: DeltaBatch[] = []
  const timers = fakeTimers()
  return { batches, timers, b: createDeltaBatcher((x) => batches.push(x), 50, timers) }
}

describe('createDeltaBatcher', () => {
  it('sends nothing before the window ends, then one batch', () => {
    const { batches, timers, b } = setup()
    b.add({ type: 'upsert', row: row('a'), isNew: true })
    b.add({ type: 'upsert', row: row('b'), isNew: true })
    timers.advance(49)
    expect(batches).toEqual([])
    timers.advance(1)
    expect(batches).toEqual([{ upserts: [row('a'), row('b')], deletes: [] }])
    expect(b.armed()).toBe(false)
  })

  it('coalesces many changes of one key into the last', () => {
    const { batches, timers, b } = setup()
    for (let i = 0; i < 100; i++) b.add({ type: 'upsert', row: row('a', i), isNew: i === 0 })
    timers.advance(50)
    expect(batches).toEqual([{ upserts: [row('a', 99)], deletes: [] }])
  })

  it('ADDED then DELETED within a window cancels out', () => {
    const { batches, timers, b } = setup()
    b.add({ type: 'upsert', row: row('tmp'), isNew: true })
    b.add({ type: 'upsert', row: row('tmp', 1), isNew: false })
    b.add({ type: 'delete', key: 'tmp' })
    timers.advance(50)
    expect(batches).toEqual([])
  })

  it('an existing row updated then deleted is sent as a delete', () => {
    const { batches, timers, b } = setup()
    b.add({ type: 'upsert', row: row('old', 1), isNew: false })
    b.add({ type: 'delete', key: 'old' })
    timers.advance(50)
    expect(batches).toEqual([{ upserts: [], deletes: ['old'] }])
  })

  it('an existing row deleted then re-created is sent as an upsert', () => {
    const { batches, timers, b } = setup()
    b.add({ type: 'delete', key: 'x' })
    b.add({ type: 'upsert', row: row('x', 2), isNew: true })
    timers.advance(50)
    expect(batches).toEqual([{ upserts: [row('x', 2)], deletes: [] }])
  })

  it('keeps flushing under steady churn (fixed window, not a debounce)', () => {
    const { batches, timers, b } = setup()
    for (let t = 0; t < 200; t += 10) {
      b.add({ type: 'upsert', row: row(`k${t}`), isNew: true })
      timers.advance(10)
    }
    expect(batches.length).toBe(4)
    expect(batches.flatMap((x) => x.upserts).length).toBe(20)
  })

  it('flush() sends at once; dispose() drops pending changes and the timer', () => {
    const { batches, timers, b } = setup()
    b.add({ type: 'upsert', row: row('a'), isNew: true })
    b.flush()
    expect(batches.length).toBe(1)
    b.add({ type: 'upsert', row: row('b'), isNew: true })
    b.dispose()
    expect(timers.count()).toBe(0)
    timers.advance(100)
    expect(batches.length).toBe(1)
  })
})
