import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpBridge } from './http-bridge'

/** A fake web backend: one event stream that says hello, and control answers whose bodies we can inspect. */
function fakeServer(opts: { name?: string; opened?: Promise<void> } = {}): {
  answers: Response[]
  controls: Record<string, unknown>[]
  close: () => void
} {
  const answers: Response[] = []
  const controls: Record<string, unknown>[] = []
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined
  vi.stubGlobal('fetch', async (target: string, init?: RequestInit) => {
    const url = new URL(target, 'http://127.0.0.1')
    if (url.pathname === '/api/events') {
      await opts.opened
      // Echo the page's own session id, as Skiff's server does, unless told to name another.
      const session = opts.name ?? url.searchParams.get('session')
      return new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            stream = c
            c.enqueue(new TextEncoder().encode(`event: hello\ndata: {"session":"${session}"}\n\n`))
          },
        }),
      )
    }
    controls.push(JSON.parse(String(init?.body)) as Record<string, unknown>)
    const answer = new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } })
    answers.push(answer)
    return answer
  })
  return { answers, controls, close: () => stream?.close() }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('web mode bridge', () => {
  it('reads every control answer to its end (Chromium keeps an unread fetch and its buffers alive)', async () => {
    const server = fakeServer()
    const bridge = createHttpBridge('t')
    const stops = [1, 2, 3].map(() =>
      bridge.subscribe(
        'system.tools',
        {},
        () => {},
        () => {},
      ),
    )
    await expect.poll(() => server.answers.length).toBe(3)
    for (const stop of stops) stop()
    await expect.poll(() => server.answers.length).toBe(6)
    await expect.poll(() => server.answers.every((a) => a.bodyUsed)).toBe(true)
    server.close()
  })

  it('subscribes with the stream’s open, not after its hello, under the session id the page chose', async () => {
    let open = (): void => {}
    const server = fakeServer({ opened: new Promise<void>((r) => (open = r)) })
    const bridge = createHttpBridge('t')
    bridge.subscribe(
      'system.tools',
      {},
      () => {},
      () => {},
    )
    // The stream has not answered yet, and the subscription is already out.
    await expect.poll(() => server.controls.length).toBe(1)
    const session = server.controls[0]!.session
    expect(session).toMatch(/^[0-9a-f]{32}$/)
    open()
    bridge.subscribe(
      'system.tools',
      {},
      () => {},
      () => {},
    )
    await expect.poll(() => server.controls.length).toBe(2)
    expect(server.controls.map((c) => c.session)).toEqual([session, session])
    server.close()
  })

  it('re-subscribes on hello when the server names another session (an older backend)', async () => {
    const server = fakeServer({ name: 'server-chosen' })
    const bridge = createHttpBridge('t')
    bridge.subscribe(
      'system.tools',
      {},
      () => {},
      () => {},
    )
    await expect.poll(() => server.controls.map((c) => c.session).at(-1)).toBe('server-chosen')
    expect(server.controls).toHaveLength(2)
    server.close()
  })
})
