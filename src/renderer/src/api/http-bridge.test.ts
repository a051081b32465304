import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpBridge } from './http-bridge'

/** A fake web backend: one event stream that says hello, and control answers whose bodies we can inspect. */
function fakeServer(): { answers: Response[]; close: () => void } {
  const answers: Response[] = []
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.endsWith('/api/events'))
      return new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            stream = c
            c.enqueue(new TextEncoder().encode('event: hello\ndata: {"session":"s1"}\n\n'))
          },
        }),
      )
    const answer = new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } })
    answers.push(answer)
    return answer
  })
  return { answers, close: () => stream?.close() }
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
})
