import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeSource } from '../../../test/support/fake-source'
import { KubeHttpError } from './kube-request'
import { projectors } from './rows'
import { fakeTimers } from '../../../test/support/timers'
import { createWatchCache, type WatchCache } from './watch-cache'
import { createWatchRegistry, type WatchRegistry } from './watch-registry'
import type { WireObject } from './rows'
import type { Row } from '@shared/rows'

describe('createWatchRegistry', () => {
  const make = (): {
    created: WatchCache[]
    create: () => WatchCache
    src: ReturnType<typeof fakeSource>
  } => {
    const src = fakeSource()
    const created: WatchCache[] = []
    const create = (): WatchCache => {
      const c = createWatchCache({ source: src, project: projectors.configmaps, timers: fakeTimers() })
      created.push(c)
      return c
    }
    return { created, create, src }
  }

  it('shares one cache per key and stops it on the last release (releases are idempotent)', async () => {
    const reg = createWatchRegistry()
    const { created, create } = make()
    const a = reg.acquire('k', create)
    const b = reg.acquire('k', create)
    const other = reg.acquire('other', create)
    expect(created).toHaveLength(2)
    expect(a.cache).toBe(b.cache)
    expect(reg.active()).toEqual(
      new Map([
        ['k', 2],
        ['other', 1],
      ]),
    )
    a.release()
    a.release()
    expect(reg.active().get('k')).toBe(1)
    expect(a.cache.activity().stopped).toBe(false)
    b.release()
    expect(a.cache.activity().stopped).toBe(true)
    expect([...reg.active().keys()]).toEqual(['other'])
    reg.closeAll()
    expect(other.cache.activity().stopped).toBe(true)
    expect(reg.active().size).toBe(0)
  })

  it('gives the next subscriber a fresh cache after the first list failed', async () => {
    const reg = createWatchRegistry()
    const { created, create, src } = make()
    src.failNextList.push(new KubeHttpError(500, 'boom'))
    const first = reg.acquire('k', create)
    await expect(first.cache.ready).rejects.toMatchObject({ code: 'Unavailable' })
    const second = reg.acquire('k', create)
    expect(created).toHaveLength(2)
    await second.cache.ready
    first.release() // the failed one's release must not stop the fresh one
    expect(second.cache.activity().stopped).toBe(false)
    expect(reg.active().get('k')).toBe(1)
    second.release()
    expect(reg.active().size).toBe(0)
  })

  describe("a stopped cache's rows for the next cache of its key", () => {
    afterEach(() => void vi.useRealTimers())
    const cm = (name: string, data: Record<string, string>): WireObject =>
      ({ metadata: { name, uid: name }, data }) as WireObject
    const listed = async (): Promise<{
      reg: WatchRegistry
      src: ReturnType<typeof fakeSource>
      reuses: (ReadonlyMap<string, Row> | undefined)[]
      create: (reuse?: ReadonlyMap<string, Row>) => WatchCache
    }> => {
      const reg = createWatchRegistry({ leftoverMs: 10_000 })
      const src = fakeSource()
      src.put(cm('a', { k: '1' }))
      src.put(cm('b', { k: '2' }))
      const reuses: (ReadonlyMap<string, Row> | undefined)[] = []
      const create = (reuse?: ReadonlyMap<string, Row>): WatchCache => {
        reuses.push(reuse)
        return createWatchCache({
          source: src,
          project: projectors.configmaps,
          timers: fakeTimers(),
          ...(reuse ? { reuse } : {}),
        })
      }
      return { reg, src, reuses, create }
    }

    it('a page that subscribes again gets the equal rows it had, the same objects; a changed one is new', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const { reg, src, reuses, create } = await listed()
      const first = reg.acquire('k', create)
      await first.cache.ready
      const before = new Map(first.cache.rows().map((r) => [r.key, r]))
      first.release()
      expect(first.cache.activity().stopped).toBe(true)
      src.put(cm('b', { k: '2', added: '3' }), true)
      const second = reg.acquire('k', create)
      await second.cache.ready
      expect(reuses[0]).toBeUndefined()
      expect(reuses[1]?.size).toBe(2)
      const after = new Map(second.cache.rows().map((r) => [r.key, r]))
      expect(after.get('demo/a')).toBe(before.get('demo/a'))
      expect(after.get('demo/b')).not.toBe(before.get('demo/b'))
      expect(after.get('demo/b')).toMatchObject({ name: 'b' })
      // Handed over once: a third cache (after this one stops and its own rows are kept) gets the second's.
      second.release()
      reg.acquire('k', create)
      expect(reuses[2]).toBe(second.cache.heldRows())
      reg.closeAll()
    })

    it('lets them go after leftoverMs, on closeAll, and keeps none of a cache stopped before its list was whole', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const { reg, reuses, create } = await listed()
      const first = reg.acquire('k', create)
      await first.cache.ready
      first.release()
      vi.advanceTimersByTime(10_000)
      reg.acquire('k', create).release() // stopped before its first list is done: nothing kept
      reg.acquire('k', create)
      expect(reuses).toEqual([undefined, undefined, undefined])
      const other = reg.acquire('other', create)
      await other.cache.ready
      other.release()
      reg.closeAll()
      reg.acquire('other', create)
      expect(reuses.at(-1)).toBeUndefined()
      reg.closeAll()
    })
  })
})
