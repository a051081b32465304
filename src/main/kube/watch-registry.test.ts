import { describe, expect, it } from 'vitest'
import { fakeSource } from '../../../test/support/fake-source'
import { KubeHttpError } from './kube-request'
import { projectors } from './rows'
import { fakeTimers } from '../../../test/support/timers'
import { createWatchCache, type WatchCache } from './watch-cache'
import { createWatchRegistry } from './watch-registry'

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
})
