import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staticPageDir, stopWebServer } from '../../../test/support/web-page'
import { createBackend } from '../backend'
import type { WebDiagnostics } from '../transport/http'
import { startWebServer, type WebServer } from './server'

let web: WebServer
let dir: string
const pages: string[] = []
const served = { begun: 0, ended: 0 }
const backend = createBackend({
  transport: 'web',
  dataDir: tmpdir(),
  run: async () => 'Client Version: v1.2.3',
  env: { PATH: '' },
})

beforeAll(async () => {
  dir = staticPageDir('web')
  web = await startWebServer({
    dispatcher: backend.dispatcher,
    staticDir: dir,
    onPage: () => pages.push('page'),
    onPageStarted: () => pages.push('started'),
    onStatic: () => {
      served.begun++
      return () => served.ended++
    },
  })
})
afterAll(async () => {
  await stopWebServer(web, dir)
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so the test controls Host and Origin exactly as a hostile page could. */
function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; readMs?: number } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        const done = (): void => resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
        res.on('end', done)
        if (opts.readMs) setTimeout(() => (req.destroy(), done()), opts.readMs)
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${web.token}` })
const callBody = JSON.stringify({ method: 'system.info', input: {} })
const json = { 'Content-Type': 'application/json' }

describe('a page loading', () => {
  it('is announced for the document, never for assets or the API', async () => {
    pages.length = 0
    await send('/icon.svg')
    await send('/assets/index.js')
    await send('/api/call', { method: 'POST', headers: { ...auth(), ...json }, body: callBody })
    expect(pages).toEqual([])
    await send('/')
    await expect.poll(() => pages).toEqual(['page'])
  })

  it("starts the page at its first authorised API request, once: the prewarm waits until the page's files are out", async () => {
    pages.length = 0
    await send('/')
    await expect.poll(() => pages).toEqual(['page'])
    await send('/assets/index.js')
    await send('/api/call', { method: 'POST', headers: json, body: callBody }) // no token: not the page
    expect(pages).toEqual(['page'])
    await send('/api/call', { method: 'POST', headers: { ...auth(), ...json }, body: callBody })
    await send('/api/call', { method: 'POST', headers: { ...auth(), ...json }, body: callBody })
    expect(pages).toEqual(['page', 'started'])
  })

  it('marks each file of the page as work a person waits for, until it is sent; the API is marked elsewhere', async () => {
    Object.assign(served, { begun: 0, ended: 0 })
    await send('/')
    await send('/assets/index.js')
    await send('/api/call', { method: 'POST', headers: { ...auth(), ...json }, body: callBody })
    expect(served.begun).toBe(2)
    await expect.poll(() => served.ended).toBe(2)
  })
})

describe('web mode security', () => {
  it('binds to loopback only', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/)
  })

  it('401 on every /api request without the bearer token: a cookie or ?token= never counts', async () => {
    const variants: { headers: Record<string, string>; query: string }[] = [
      { headers: {}, query: '' },
      { headers: { Authorization: 'Bearer wrong' }, query: '' },
      { headers: { Cookie: `skiff_token=${web.token}` }, query: '' },
      { headers: {}, query: `token=${web.token}` },
    ]
    for (const { headers, query } of variants) {
      const call = await send(`/api/call?${query}`, {
        method: 'POST',
        headers: { ...json, ...headers },
        body: callBody,
      })
      expect(call.status).toBe(401)
      expect(call.body).toContain('no longer authorised')
      const stream = await send(`/api/stream?name=system.tools&input=%7B%7D&${query}`, { headers })
      expect(stream.status).toBe(401)
      expect((await send(`/api/events?${query}`, { headers })).status).toBe(401)
    }
  })

  it('serves the page itself to anyone on loopback, and never sets a cookie', async () => {
    const page = await send('/')
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']).toBeUndefined()
  })

  it('403 for a foreign Host or Origin even with the token (DNS rebinding)', async () => {
    const cases: Record<string, string>[] = [
      { Host: `evil.example:${web.port}` },
      { Host: 'localhost:1' },
      { Host: `127.0.0.1:${web.port}`, Origin: 'http://evil.example' },
      { Host: `127.0.0.1:${web.port}`, Origin: `https://127.0.0.1:${web.port}` },
      { Host: `127.0.0.1:${web.port}`, Origin: 'null' },
    ]
    for (const h of cases) {
      const r = await send('/api/call', {
        method: 'POST',
        headers: { ...auth(), ...json, ...h },
        body: callBody,
      })
      expect(r.status, JSON.stringify(h)).toBe(403)
    }
  })

  it('200 with the token: page, call and stream; no CORS headers', async () => {
    const page = await send('/', { headers: auth() })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Skiff</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['access-control-allow-origin']).toBeUndefined()

    const call = await send('/api/call', { method: 'POST', headers: { ...auth(), ...json }, body: callBody })
    expect(call.status).toBe(200)
    expect(JSON.parse(call.body)).toMatchObject({
      ok: true,
      value: { app: { name: 'Skiff' }, transport: 'web' },
    })

    const stream = await send('/api/stream?name=system.tools&input=%7B%7D', { headers: auth(), readMs: 500 })
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toContain('text/event-stream')
    expect(stream.body).toMatch(/^data: \[/)
  })

  it('moves an old-style ?token= page load into the fragment; a wrong one is refused', async () => {
    const first = await send(`/?token=${web.token}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe(`/#token=${web.token}`)
    expect(first.headers['set-cookie']).toBeUndefined()
    expect((await send('/?token=nope')).status).toBe(401)
  })

  it('refuses invalid calls with typed errors, not crashes', async () => {
    const bad = await send('/api/call', {
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{not json',
    })
    expect(bad.status).toBe(400)
    const wrongType = await send('/api/call', { method: 'POST', headers: auth(), body: callBody })
    expect(wrongType.status).toBe(415)
    const unknown = await send('/api/call', {
      method: 'POST',
      headers: { ...auth(), ...json },
      body: JSON.stringify({ method: '__proto__', input: {} }),
    })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UnknownMethod' } })
    const badStream = await send('/api/stream?name=system.tools&input=%7B%22intervalMs%22%3A1%7D', {
      headers: auth(),
    })
    expect(badStream.body).toContain('event: end')
    expect(badStream.body).toContain('BadInput')
  })

  it('ends the subscription when the client drops the stream', async () => {
    await send('/api/stream?name=system.tools&input=%7B%7D', { headers: auth(), readMs: 300 })
    await expect.poll(() => backend.dispatcher.activeSubscriptions()).toBe(0)
  })

  it('reports what it holds open on /api/diagnostics, with the token only', async () => {
    expect((await send('/api/diagnostics')).status).toBe(401)
    const open = send('/api/stream?name=system.tools&input=%7B%7D', { headers: auth(), readMs: 1500 })
    await expect.poll(() => backend.dispatcher.activeSubscriptions()).toBe(1)
    const reply = await send('/api/diagnostics', { headers: auth() })
    expect(reply.status).toBe(200)
    const d = JSON.parse(reply.body) as WebDiagnostics
    expect(d.subscriptions).toBe(1)
    expect(d.live['streams: system.tools']).toBe(1)
    expect(d.rssBytes).toBeGreaterThan(0)
    expect(d.resources.TCPServerWrap).toBeGreaterThanOrEqual(1)
    // Collections are counted from the first ask on (the bench waits for them to settle before idle CPU).
    expect(d.gc).toMatchObject({ count: expect.any(Number), major: expect.any(Number) })
    expect(d.gc.quietMs).toBeGreaterThanOrEqual(0)
    await open
    await expect.poll(() => backend.dispatcher.activeSubscriptions()).toBe(0)
    const after = JSON.parse((await send('/api/diagnostics', { headers: auth() })).body) as WebDiagnostics
    expect(after.live['streams: system.tools']).toBe(0)
  })
})
