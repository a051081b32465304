import { request, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { staticPageDir, stopWebServer } from '../../../test/support/web-page'
import { createBackend } from '../backend'
import { createSseSessions, PENDING_MS } from './sse-sessions'
import { startWebServer, type WebServer } from '../web/server'

let web: WebServer
let dir: string
const backend = createBackend({
  transport: 'web',
  dataDir: tmpdir(),
  run: async () => 'v1.0.0',
  env: { PATH: '' },
})

beforeAll(async () => {
  dir = staticPageDir('sse')
  web = await startWebServer({ dispatcher: backend.dispatcher, staticDir: dir })
})
afterAll(async () => {
  await stopWebServer(web, dir)
})

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${web.token}` })

/** Opens the page's one event stream and collects its frames. */
function openEvents(session?: string): Promise<{
  res: IncomingMessage
  frames: string[]
  close: () => void
  session: string
}> {
  return new Promise((resolve, reject) => {
    const frames: string[] = []
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        path: `/api/events${session ? `?session=${session}` : ''}`,
        headers: auth(),
      },
      (res) => {
        let buffer = ''
        res.on('data', (c: Buffer) => {
          buffer += c.toString()
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            frames.push(frame)
            const hello = /^event: hello\ndata: (.*)$/.exec(frame)
            if (hello?.[1]) {
              const { session } = JSON.parse(hello[1]) as { session: string }
              resolve({ res, frames, close: () => req.destroy(), session })
            }
          }
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}

async function control(body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${web.port}/api/events/control`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return res.json()
}

describe('one event stream per page', () => {
  it('carries many subscriptions, ends them on unsubscribe and when the page goes away', async () => {
    const events = await openEvents()
    // More streams than a browser's six connections per origin would allow one by one.
    for (let i = 0; i < 10; i++) {
      expect(
        await control({
          session: events.session,
          op: 'subscribe',
          id: `s${i}`,
          stream: 'system.tools',
          input: {},
        }),
      ).toEqual({
        ok: true,
      })
    }
    await expect
      .poll(
        () =>
          new Set(events.frames.filter((f) => f.startsWith('data:')).map((f) => JSON.parse(f.slice(6)).id))
            .size,
      )
      .toBe(10)
    expect(backend.dispatcher.activeSubscriptions()).toBe(10)

    await control({ session: events.session, op: 'unsubscribe', id: 's0' })
    expect(backend.dispatcher.activeSubscriptions()).toBe(9)

    events.close()
    await expect.poll(() => backend.dispatcher.activeSubscriptions()).toBe(0)
  })

  it('ends a refused subscription with its typed error, and refuses unknown sessions', async () => {
    const events = await openEvents()
    await control({
      session: events.session,
      op: 'subscribe',
      id: 'bad',
      stream: 'system.tools',
      input: { intervalMs: 1 },
    })
    await expect
      .poll(() => events.frames.some((f) => f.includes('"id":"bad"') && f.includes('BadInput')))
      .toBe(true)
    expect(
      await control({ session: 'nope', op: 'subscribe', id: 'x', stream: 'system.tools', input: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'Unavailable' },
    })
    events.close()
  })

  it('demands the token for the event stream and its control', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/events`)
    expect(res.status).toBe(401)
    const ctl = await fetch(`http://127.0.0.1:${web.port}/api/events/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(ctl.status).toBe(401)
  })

  it('holds subscriptions that arrive before their stream (the page’s own id) and delivers them on open', async () => {
    const id = 'page-chosen-0123456789'
    expect(
      await control({ session: id, op: 'subscribe', id: 'early', stream: 'system.tools', input: {} }),
    ).toEqual({ ok: true })
    // Still validated by the contract: a refused input ends with its typed error once the stream opens.
    await control({
      session: id,
      op: 'subscribe',
      id: 'bad',
      stream: 'system.tools',
      input: { intervalMs: 1 },
    })
    const events = await openEvents(id)
    expect(events.session).toBe(id)
    await expect.poll(() => events.frames.some((f) => f.includes('"id":"early"'))).toBe(true)
    await expect
      .poll(() => events.frames.some((f) => f.includes('"id":"bad"') && f.includes('BadInput')))
      .toBe(true)
    // A second stream asking for a live session's id gets its own.
    const other = await openEvents(id)
    expect(other.session).not.toBe(id)
    other.close()
    events.close()
    await expect.poll(() => backend.dispatcher.activeSubscriptions()).toBe(0)
  })

  it('refuses a malformed session id instead of holding it', async () => {
    expect(
      await control({ session: 'short', op: 'subscribe', id: 'x', stream: 'system.tools', input: {} }),
    ).toMatchObject({ ok: false, error: { code: 'Unavailable' } })
    expect(backend.dispatcher.activeSubscriptions()).toBe(0)
  })
})

describe('a pending session whose stream never opens', () => {
  afterEach(() => {
    vi.useRealTimers()
  })
  it('ends its streams after a while', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const sessions = createSseSessions(backend.dispatcher)
    const ok = sessions.control({
      session: 'gone-page-0123456789',
      op: 'subscribe',
      id: 's',
      stream: 'system.tools',
      input: {},
    })
    expect(ok).toEqual({ ok: true })
    expect(sessions.streams()).toBe(1)
    vi.advanceTimersByTime(PENDING_MS)
    expect(sessions.streams()).toBe(0)
    expect(backend.dispatcher.activeSubscriptions()).toBe(0)
  })
})
