import type { Duplex } from 'node:stream'
import type { StreamingContext } from '../exec/upgrade'
import type { Pod } from '../types'
import { connectionRefused, currentPod, findPortTarget, HttpResponder } from './container-ports'
import { SpdyConnection } from './spdy-connection'

// kubelet's port-forward protocol (portforward.k8s.io) on a SPDY/3.1 connection: for each local connection
// kubectl opens an "error" stream and a "data" stream sharing a requestid; the data stream carries the TCP
// bytes to and from the pod's port, the error stream says why a connection failed.
export const SPDY_TUNNEL_PROTOCOL = 'SPDY/3.1+portforward.k8s.io'

interface Pair {
  errorStream?: number
  dataStream?: number
  responder?: HttpResponder
  done: boolean
}

export function servePortForwardSpdy(ctx: StreamingContext, podAtStart: Pod, conn: Duplex): void {
  const { api, traffic } = ctx
  const pairs = new Map<string, Pair>()
  const byStream = new Map<number, Pair>()

  const finishPair = (pair: Pair, message?: string): void => {
    if (pair.done) return
    pair.done = true
    if (pair.dataStream !== undefined) spdy.end(pair.dataStream)
    if (pair.errorStream !== undefined) {
      if (message) spdy.write(pair.errorStream, Buffer.from(message))
      spdy.end(pair.errorStream)
    }
  }
  const openData = (pair: Pair, id: number, port: number): void => {
    const pod = currentPod(api, podAtStart)
    const target = Number.isInteger(port) ? findPortTarget(pod, port) : undefined
    if (!target) return finishPair(pair, connectionRefused(pod, port))
    pair.responder = new HttpResponder(
      target,
      (data) => spdy.write(id, data),
      () => finishPair(pair),
      () => traffic.record(pod.metadata.uid, api.clock.now()),
    )
  }
  const spdy = new SpdyConnection(conn, {
    stream(id, headers) {
      const requestId = headers.get('requestid') ?? String(id)
      const pair = pairs.get(requestId) ?? { done: false }
      pairs.set(requestId, pair)
      byStream.set(id, pair)
      const type = headers.get('streamtype')
      if (type === 'error') pair.errorStream = id
      else if (type === 'data') {
        pair.dataStream = id
        openData(pair, id, Number(headers.get('port')))
      } else spdy.reset(id)
    },
    data(id, data, fin) {
      const pair = byStream.get(id)
      if (!pair || id !== pair.dataStream) return
      if (data.length > 0) pair.responder?.input(data)
      if (fin) pair.responder?.end()
    },
    reset(id) {
      const pair = byStream.get(id)
      if (pair) pair.done = true
    },
  })
}
