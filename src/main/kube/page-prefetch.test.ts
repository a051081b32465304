import { describe, expect, it } from 'vitest'
import type { ListPage } from './list-watch-source'
import { continueInHead, prefetchingPages, type PageFetch } from './page-prefetch'

interface Call {
  cont: string | undefined
  signal: AbortSignal
  head: (token: string) => void
  resolve: (page: ListPage) => void
  reject: (err: unknown) => void
}

/** A server whose answers the test releases by hand: first the head (continue token), then the page. */
function fakeServer(): { fetch: PageFetch; calls: Call[] } {
  const calls: Call[] = []
  const fetch: PageFetch = (opts, signal, onContinue) =>
    new Promise<ListPage>((resolve, reject) => {
      calls.push({ cont: opts.continue, signal, head: onContinue, resolve, reject })
    })
  return { fetch, calls }
}

const page = (n: number, next?: string): ListPage => ({
  items: [{ metadata: { name: `p${n}` } }],
  resourceVersion: '7',
  ...(next ? { continue: next } : {}),
})

describe('prefetchingPages', () => {
  it('asks for page N+1 once page N names its token, and hands that request to the next call', async () => {
    const { fetch, calls } = fakeServer()
    const pages = prefetchingPages(fetch)
    const signal = new AbortController().signal
    const first = pages.listPage({ limit: 2 }, signal)
    expect(calls).toHaveLength(1)
    calls[0]!.head('t1')
    expect(calls.map((c) => c.cont)).toEqual([undefined, 't1']) // requested while page 1 still arrives
    calls[0]!.resolve(page(1, 't1'))
    expect((await first).continue).toBe('t1')

    const second = pages.listPage({ limit: 2, continue: 't1' }, signal)
    expect(calls).toHaveLength(2) // the request already in flight, not a new one
    calls[1]!.head('t2')
    expect(calls.map((c) => c.cont)).toEqual([undefined, 't1', 't2'])
    calls[1]!.resolve(page(2, 't2'))
    expect((await second).items[0]?.metadata?.name).toBe('p2')
    pages.close()
    expect(calls[2]!.signal.aborted).toBe(true)
  })

  it('fetches only one page ahead of the one asked for', () => {
    const { fetch, calls } = fakeServer()
    const pages = prefetchingPages(fetch)
    void pages.listPage({ limit: 2 }, new AbortController().signal)
    calls[0]!.head('t1')
    calls[1]!.head('t2') // the page fetched ahead knows its successor, but nobody asked for page 2 yet
    expect(calls).toHaveLength(2)
    void pages.listPage({ limit: 2, continue: 't1' }, new AbortController().signal)
    expect(calls.map((c) => c.cont)).toEqual([undefined, 't1', 't2'])
  })

  it('drops the page fetched ahead when another page is asked for (a relist after 410 Gone)', async () => {
    const { fetch, calls } = fakeServer()
    const pages = prefetchingPages(fetch)
    const signal = new AbortController().signal
    void pages.listPage({ limit: 2 }, signal)
    calls[0]!.head('t1')
    const ahead = calls[1]!
    ahead.reject(Object.assign(new Error('expired'), { statusCode: 410 })) // never asked for: no unhandled rejection
    const again = pages.listPage({ limit: 2 }, signal)
    expect(ahead.signal.aborted).toBe(true)
    expect(calls).toHaveLength(3)
    expect(calls[2]!.cont).toBeUndefined()
    calls[2]!.resolve(page(1))
    expect((await again).continue).toBeUndefined()
  })

  it('gives the caller the error of a page fetched ahead, and aborts with the caller', async () => {
    const { fetch, calls } = fakeServer()
    const pages = prefetchingPages(fetch)
    void pages.listPage({ limit: 2 }, new AbortController().signal)
    calls[0]!.head('t1')
    calls[1]!.reject(new Error('gone'))
    await expect(pages.listPage({ limit: 2, continue: 't1' }, new AbortController().signal)).rejects.toThrow(
      'gone',
    )
    const abort = new AbortController()
    void pages.listPage({ limit: 2 }, abort.signal).catch(() => {})
    abort.abort()
    expect(calls[2]!.signal.aborted).toBe(true)
  })
})

describe('continueInHead', () => {
  it('reads the token from the list metadata, never from the items', () => {
    const head =
      '{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"eyJ9"},"items":['
    expect(continueInHead(head)).toBe('eyJ9')
    expect(continueInHead('{"metadata":{"resourceVersion":"9"},"items":[{"continue":"x"}]}')).toBeUndefined()
    expect(continueInHead('{"metadata":{"continue":""},"items":[]}')).toBeUndefined()
    expect(continueInHead('{"metadata":{"continue":"abc')).toBeUndefined() // the head is not whole yet
  })
})
