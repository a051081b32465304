import { connect } from 'node:net'
import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { recordingHandlers } from './recording-handlers'
import { startRecordingWeb } from './recording-web'
import { staticPageDir, stopWebServer } from '../support/web-page'
import type { WebServer } from '../../src/main/web/server'

// What src/main/web/server.test.ts does not already prove: the failure limiter, CORS on every kind of
// response, and that nothing but 127.0.0.1 can connect.
let web: WebServer
let dir: string
const rec = recordingHandlers()

beforeEach(async () => {
  dir = staticPageDir('web-limits')
  web = await startRecordingWeb(rec, dir)
})
afterEach(async () => {
  vi.useRealTimers()
  await stopWebServer(web, dir)
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
}

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        // SSE never ends on its own: the status line and headers are all these tests need.
        resolve({ status: res.statusCode ?? 0, headers: res.headers })
        res.destroy()
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` })
const call = (token: string): Promise<Reply> =>
  send('/api/call', {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'system.info', input: {} }),
  })
const stream = (token: string): Promise<Reply> =>
  send('/api/stream?name=system.tools&input=%7B%7D', { headers: bearer(token) })

describe('web mode limits', () => {
  it('after 20 wrong tokens, wrong ones get 429 until the window passes; the right token is never refused', async () => {
    // The limiter reads Date.now as it was when the server started: restart the server under a fake clock.
    await web.close()
    vi.useFakeTimers({ toFake: ['Date'] })
    web = await startRecordingWeb(rec, dir)
    for (let i = 0; i < 20; i++) expect((await call(`wrong-${i}`)).status).toBe(401)
    // 25 more, as 25 <img> tags on a hostile page would send: throttled...
    for (let i = 0; i < 25; i++) expect((await stream(`wrong-${i}`)).status).toBe(429)
    // ...while the holder of the token goes on working: call, stream and page.
    const good = [await call(web.token), await stream(web.token), await send('/')]
    expect(good.map((r) => r.status)).toEqual([200, 200, 200])
    expect((await call('wrong-again')).status).toBe(429)
    vi.advanceTimersByTime(9_000)
    expect((await call('wrong-again')).status).toBe(429)
    vi.advanceTimersByTime(1_100)
    expect((await call('wrong-again')).status).toBe(401)
    console.log(
      '[web limits] 45 wrong tokens: 429 for wrong ones for 10 s; the right token got 200 throughout',
    )
  })

  it('19 wrong tokens still get 401 (not 429)', async () => {
    for (let i = 0; i < 19; i++) expect((await stream(`wrong-${i}`)).status).toBe(401)
    expect((await stream(web.token)).status).toBe(200)
  })

  it('sends no CORS header on any response, preflights included', async () => {
    const evil = { Origin: 'http://evil.example' }
    const replies = [
      await send('/', { headers: bearer(web.token) }),
      await send('/', {}),
      await call(web.token),
      await call('wrong'),
      await stream(web.token),
      await stream('wrong'),
      await send('/api/call', {
        method: 'OPTIONS',
        headers: { ...evil, 'Access-Control-Request-Method': 'POST' },
      }),
      await send('/api/call', {
        method: 'OPTIONS',
        headers: { ...bearer(web.token), 'Access-Control-Request-Method': 'POST' },
      }),
      await send('/api/nope', { headers: bearer(web.token) }),
      await send('/api/call', { method: 'POST', headers: { ...bearer(web.token), ...evil } }),
    ]
    // Pages are public (the token lives in the page, not the request); every /api request needs it.
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 401, 200, 401, 403, 405, 404, 403])
    for (const r of replies) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it('cannot be reached on any address but 127.0.0.1', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    const refused: string[] = []
    for (const host of ['::1', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port: web.port, timeout: 2000 })
        socket.once('connect', () => (socket.destroy(), resolve('connected')))
        socket.once('timeout', () => (socket.destroy(), resolve('timeout')))
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
      })
      expect(outcome, host).not.toBe('connected')
      refused.push(`${host}: ${outcome}`)
    }
    console.log(`[web limits] other addresses refused: ${refused.join(', ')}`)
  })
})
