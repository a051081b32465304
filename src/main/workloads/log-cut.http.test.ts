import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KubeConfig } from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/contract'
import { streamPodLog } from './logs-stream'

// A log follow whose connection is cut mid-stream (the API server killed, a network drop: no closing chunk)
// must end with an error. client-node pipes the response body into our line writer with pipe(), which does not
// end the writer when the body fails, so the follow used to wait for lines forever; on a loaded box the
// sandbox's own stop hit that (its graceful end of the stream was lost to the socket being destroyed).
const runningPod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web', namespace: 'default' },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
  status: {
    phase: 'Running',
    containerStatuses: [
      { name: 'web', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
    ],
  },
}

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((r) => (server?.listening ? server.close(() => r()) : r()))
  server = undefined
})

/** An API server whose log follow sends two lines and then dies: its socket is destroyed, and it stops. */
async function dyingServer(): Promise<KubeConfig> {
  const srv = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/api/v1/namespaces/default/pods/web') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return void res.end(JSON.stringify(runningPod))
    }
    if (path === '/api/v1/namespaces/default/pods/web/log') {
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.write('one\ntwo\n', () => {
        srv.close()
        req.socket.destroy()
      })
      return
    }
    res.writeHead(404).end()
  })
  server = srv
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const kc = new KubeConfig()
  kc.loadFromOptions({
    clusters: [
      { name: 'c', server: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, skipTLSVerify: true },
    ],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
    currentContext: 'c',
  })
  return kc
}

describe('a followed log whose connection is cut', () => {
  it('ends with Unavailable after the lines that came, instead of waiting forever', async () => {
    const kc = await dyingServer()
    const abort = new AbortController()
    const lines: string[] = []
    const reading = (async (): Promise<unknown> => {
      try {
        for await (const e of streamPodLog(
          { getKubeConfig: async () => kc },
          { namespace: 'default', pod: 'web', follow: true },
          abort.signal,
        ))
          lines.push(...e.lines)
        return 'ended without an error'
      } catch (err) {
        return err
      }
    })()
    // A deadline, not a sleep: a follow that never ends fails here rather than at the test's timeout.
    let timer: NodeJS.Timeout | undefined
    const outcome = await Promise.race([
      reading,
      new Promise((r) => (timer = setTimeout(() => r('still following 20 s after the cut'), 20_000))),
    ])
    clearTimeout(timer)
    abort.abort()
    expect(lines).toEqual(['one', 'two'])
    expect(outcome).toBeInstanceOf(ApiError)
    expect((outcome as ApiError).code).toBe('Unavailable')
  }, 30_000)
})
