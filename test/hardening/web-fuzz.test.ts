import { request } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methods, streams } from '@shared/contract'
import type { WebServer } from '../../src/main/web/server'
import { deepNest, hostileStrings } from './hostile'
import { recordingHandlers } from './recording-handlers'
import { startRecordingWeb } from './recording-web'
import { staticPageDir, stopWebServer } from '../support/web-page'

// The same hostile inputs, as raw HTTP bodies and stream URLs: web mode answers each with a status and a
// typed body, never a 500 or a dropped server, and no hostile input reaches a service.
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)
let web: WebServer
let dir: string
const rec = recordingHandlers()

beforeAll(async () => {
  dir = staticPageDir('web-fuzz')
  web = await startRecordingWeb(rec, dir)
})
afterAll(async () => {
  await stopWebServer(web, dir)
})

function send(path: string, method: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        path,
        method,
        headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        // Streams stay open: the first `end` event or a short wait is enough.
        setTimeout(() => (req.destroy(), resolve({ status: res.statusCode ?? 0, body: text })), 300)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const names = [...Object.keys(methods), '__proto__', 'constructor', '../system.info', '']
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(...hostileStrings, null, 1e308, -1, [], {}, deepNest(500)),
  fc.jsonValue(),
)
const envelope = fc.oneof(
  fc.record({
    method: fc.constantFrom(...names),
    input: fc.dictionary(fc.string({ maxLength: 8 }), hostileValue),
  }),
  fc.record({ method: fc.constantFrom(...names), input: hostileValue }),
  fc.jsonValue(),
)

describe('web mode under hostile bodies and stream URLs', () => {
  it('answers every call with 200 + a typed result or a 4xx, and stays up', async () => {
    let tried = 0
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          envelope.map((e) => JSON.stringify(e)),
          fc.string({ maxLength: 200 }),
        ),
        async (body) => {
          rec.calls.length = 0
          const r = await send('/api/call', 'POST', body)
          tried++
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
          expect([200, 400]).toContain(r.status)
          if (r.status === 200) {
            const result = JSON.parse(r.body) as { ok: boolean; error?: { code: string } }
            if (!result.ok) {
              expect(['BadInput', 'UnknownMethod']).toContain(result.error?.code)
              expect(rec.calls).toEqual([])
            }
          }
        },
      ),
      { numRuns: 300, seed: SEED },
    )
    const deep = await send(
      '/api/call',
      'POST',
      `{"method":"system.info","input":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    )
    expect([200, 400, 413]).toContain(deep.status)
    const alive = await send('/api/call', 'POST', JSON.stringify({ method: 'system.info', input: {} }))
    expect(JSON.parse(alive.body)).toMatchObject({ ok: true })
    console.log(
      `[web fuzz] ${tried + 1} hostile call bodies; statuses ${JSON.stringify(Object.fromEntries(statuses))}; 400,000-deep body → ${deep.status}`,
    )
  })

  it('ends every hostile stream subscription with a typed error and starts nothing', async () => {
    rec.calls.length = 0
    let tried = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('resources.watch', 'logs.stream', 'jobs.watch', 'nope'),
        // Only inputs the schema refuses (a random value could, rarely, be valid).
        hostileValue.filter((v) => !Object.values(streams).some((d) => d.input.safeParse(v).success)),
        async (name, input) => {
          const r = await send(
            `/api/stream?name=${encodeURIComponent(name)}&input=${encodeURIComponent(JSON.stringify(input) ?? '')}`,
            'GET',
          )
          tried++
          expect([200, 400, 431]).toContain(r.status)
          if (r.status === 200)
            expect(r.body).toMatch(/event: end\ndata: \{"error":\{"code":"(BadInput|UnknownMethod)"/)
        },
      ),
      { numRuns: 120, seed: SEED },
    )
    expect(rec.calls).toEqual([])
    console.log(`[web fuzz] ${tried} hostile stream URLs; none reached a stream handler`)
  })
})
