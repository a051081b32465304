import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staticPageDir, stopWebServer } from '../../../test/support/web-page'
import type { Bridge } from '@shared/contract'
import { startWebServer, type WebServer } from '../web/server'
import type { Dispatcher } from './dispatch'

// The web transport end to end (server's SSE sessions → the page's bridge, in Node): a big snapshot part
// travels as columns and reaches the subscriber as the rows the stream gave, small events as they were.
const rows = Array.from({ length: 150 }, (_, i) => ({
  kind: 'pods',
  key: `bench/p-${i}`,
  name: `p-${i}`,
  namespace: 'bench',
  uid: `u-${i}`,
  labels: { app: 'web' },
  restarts: i % 2,
  ...(i % 3 ? { ip: `10.0.0.${i}` } : {}),
}))
const events: unknown[] = [
  { type: 'snapshot', rows, more: true },
  { type: 'snapshot', rows: rows.slice(0, 2) },
  { type: 'delta', upserts: rows.slice(0, 100), deletes: [] },
]

const dispatcher: Dispatcher = {
  call: () => Promise.resolve({ ok: true, value: null }),
  subscribe(_stream, _input, onEvent) {
    // After the control request's answer, as a real stream's events come.
    const timer = setTimeout(() => events.forEach(onEvent), 0)
    return () => clearTimeout(timer)
  },
  activeSubscriptions: () => 0,
}

let web: WebServer
let dir: string
beforeAll(async () => {
  dir = staticPageDir('sse-packed')
  web = await startWebServer({ dispatcher, staticDir: dir })
})
afterAll(async () => {
  await stopWebServer(web, dir)
})

describe('web transport: big snapshot parts as columns', () => {
  it('hands the subscriber the very events the stream sent', async () => {
    // The page's own bridge (renderer code: loaded by path, outside this project's type-checked files).
    const path = '../../renderer/src/api/http-bridge'
    const { createHttpBridge } = (await import(path)) as {
      createHttpBridge: (token: string, options: { base: string }) => Bridge
    }
    const bridge = createHttpBridge(web.token, { base: `http://127.0.0.1:${web.port}` })
    const got: unknown[] = []
    const stop = bridge.subscribe(
      'resources.watch',
      {},
      (e) => got.push(e),
      () => {},
    )
    await expect.poll(() => got.length).toBe(3)
    stop()
    expect(got).toEqual(events)
  })
})
