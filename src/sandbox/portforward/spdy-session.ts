import type { Duplex } from 'node:stream'
import type { StreamingContext } from '../exec/upgrade'
import { currentPod } from './container-ports'
import type { Pod } from '../types'
import { connectionRefused, findPortTarget, HttpResponder } from './container-ports'
import type { Frame } from './spdy-framer'
import {
  controlFrame,
  dataFrame,
  FLAG_FIN,
  FrameReader,
  GOAWAY,
  HeaderCodec,
  HEADERS,
  PING,
  RST_STREAM,
  streamIdOf,
  SYN_REPLY,
  SYN_STREAM,
} from './spdy-framer'

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
  const reader = new FrameReader()
  const codec = new HeaderCodec()
  const pairs = new Map<string, Pair>()
  const byStream = new Map<number, Pair>()
  // Frames go out in order even though header compression is asynchronous.
  let outQueue: Promise<void> = Promise.resolve()
  let inQueue: Promise<void> = Promise.resolve()
  let closed = false

  const send = (make: () => Buffer | Promise<Buffer>): void => {
    outQueue = outQueue.then(async () => {
      const frame = await make()
      if (!closed) conn.write(frame)
    })
  }
  const shutdown = (): void => {
    if (closed) return
    closed = true
    codec.close()
    conn.destroy()
  }
  const finishPair = (pair: Pair, message?: string): void => {
    if (pair.done) return
    pair.done = true
    const { errorStream, dataStream } = pair
    if (dataStream !== undefined) send(() => dataFrame(dataStream, FLAG_FIN, Buffer.alloc(0)))
    if (errorStream !== undefined) {
      if (message) send(() => dataFrame(errorStream, 0, Buffer.from(message)))
      send(() => dataFrame(errorStream, FLAG_FIN, Buffer.alloc(0)))
    }
  }
  const openData = (pair: Pair, id: number, port: number): void => {
    const pod = currentPod(api, podAtStart)
    const target = Number.isInteger(port) ? findPortTarget(pod, port) : undefined
    if (!target) return finishPair(pair, connectionRefused(pod, port))
    pair.responder = new HttpResponder(
      target,
      (data) => send(() => dataFrame(id, 0, data)),
      () => finishPair(pair),
      () => traffic.record(pod.metadata.uid, api.clock.now()),
    )
  }
  const onSynStream = async (body: Buffer): Promise<void> => {
    const id = streamIdOf(body)
    const headers = await codec.decode(body.subarray(10))
    send(async () => controlFrame(SYN_REPLY, 0, Buffer.concat([body.subarray(0, 4), await codec.encode({})])))
    const requestId = headers.get('requestid') ?? String(id)
    const pair = pairs.get(requestId) ?? { done: false }
    pairs.set(requestId, pair)
    byStream.set(id, pair)
    if (headers.get('streamtype') === 'error') pair.errorStream = id
    else if (headers.get('streamtype') === 'data') {
      pair.dataStream = id
      openData(pair, id, Number(headers.get('port')))
    } else
      send(() => controlFrame(RST_STREAM, 0, Buffer.concat([body.subarray(0, 4), Buffer.of(0, 0, 0, 1)])))
  }
  const onFrame = async (frame: Frame): Promise<void> => {
    if (!frame.control) {
      const pair = byStream.get(frame.streamId)
      if (pair && frame.streamId === pair.dataStream) {
        if (frame.body.length > 0) pair.responder?.input(frame.body)
        if (frame.flags & FLAG_FIN) pair.responder?.end()
      }
      return
    }
    switch (frame.type) {
      case SYN_STREAM:
        return onSynStream(frame.body)
      case HEADERS:
        await codec.decode(frame.body.subarray(4)) // keeps the shared zlib context in step
        return
      case RST_STREAM: {
        const pair = byStream.get(streamIdOf(frame.body))
        if (pair) pair.done = true
        return
      }
      case PING:
        return send(() => controlFrame(PING, 0, frame.body))
      case GOAWAY:
        return shutdown()
      default:
        return // SETTINGS, WINDOW_UPDATE: nothing to do for a simulated pod
    }
  }

  conn.on('data', (data: Buffer) => {
    for (const frame of reader.push(data)) {
      inQueue = inQueue.then(() => onFrame(frame)).catch(() => shutdown())
    }
  })
  conn.on('error', shutdown)
  conn.on('close', shutdown)
  conn.on('end', shutdown)
}
