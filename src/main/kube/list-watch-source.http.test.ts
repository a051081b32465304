import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { KubeConfig } from '@kubernetes/client-node'
import { afterEach, expect, it } from 'vitest'
import { createKubeService } from './service'
import { collect } from '../../../test/support/kube'

const cm = (name: string, rv: string): object => ({
  kind: 'ConfigMap',
  apiVersion: 'v1',
  metadata: { name, namespace: 'demo', uid: name, resourceVersion: rv },
})
const expired = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'too old resource version: 10 (15)',
  reason: 'Expired',
  code: 410,
}

let server: http.Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r))
})

/**
 * A scripted API server: the first watch sends an event then a 410 ERROR, the second is refused with HTTP 410,
 * the third stays open. Each relist returns a different truth, which the subscriber must end up showing.
 */
it('client-node watch errors (410 event, 410 status) lead to relists that correct the rows', async () => {
  const requests: string[] = []
  const lists = [
    { rv: '10', items: [cm('a', '5')] },
    { rv: '20', items: [cm('a', '5'), cm('c', '18')] },
    { rv: '30', items: [cm('a', '5'), cm('c', '18')] },
  ]
  let watches = 0
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    requests.push(
      `${url.searchParams.get('watch') ? 'watch' : 'list'} rv=${url.searchParams.get('resourceVersion') ?? ''}`,
    )
    if (!url.searchParams.get('watch')) {
      const list = lists.shift() ?? lists[lists.length - 1]
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return res.end(
        JSON.stringify({
          kind: 'ConfigMapList',
          metadata: { resourceVersion: list?.rv },
          items: list?.items,
        }),
      )
    }
    watches++
    if (watches === 2) {
      res.writeHead(410, { 'Content-Type': 'application/json' })
      return res.end(JSON.stringify(expired))
    }
    res.writeHead(200, { 'Content-Type': 'application/json' })
    if (watches === 1) {
      res.write(`${JSON.stringify({ type: 'ADDED', object: cm('b', '11') })}\n`)
      res.write(`${JSON.stringify({ type: 'ERROR', object: expired })}\n`)
      return res.end()
    }
    res.write(`${JSON.stringify({ type: 'ADDED', object: cm('d', '31') })}\n`) // then stays open
  })
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port

  const kc = new KubeConfig()
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'u' }],
    currentContext: 'fake',
  })
  const svc = createKubeService({
    getKubeConfig: async () => kc,
    watchOptions: { batchMs: 10, backoffMs: { initial: 50, max: 100 } },
  })
  const abort = new AbortController()
  const rows = collect(svc.watch({ kind: 'configmaps', namespaces: ['demo'] }, abort.signal), abort)
  await rows.waitFor('d', () => rows.rows.has('demo/d'))
  expect([...rows.rows.keys()].sort()).toEqual(['demo/a', 'demo/c', 'demo/d'])
  expect(requests).toEqual(['list rv=', 'watch rv=10', 'list rv=', 'watch rv=20', 'list rv=', 'watch rv=30'])
  const states = rows.events.flatMap((e) => (e.type === 'status' ? [e.state] : []))
  expect(states[0]).toBe('reconnecting')
  expect(states.at(-1)).toBe('live')
  const deletes = rows.events.flatMap((e) => (e.type === 'delta' ? e.deletes : []))
  expect(deletes).toEqual(['demo/b'])
  await rows.stop()
  expect(svc.activeWatches().size).toBe(0)
})
