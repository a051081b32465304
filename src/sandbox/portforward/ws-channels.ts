import type { WebSocket } from 'ws'
import type { StreamingContext } from '../exec/upgrade'
import type { Pod } from '../types'
import { connectionRefused, currentPod, findPortTarget, HttpResponder } from './container-ports'

// kubelet's WebSocket port-forward (what @kubernetes/client-node speaks): per requested port a data channel
// (2i) and an error channel (2i+1), each opened by a message holding the port as two little-endian bytes.
// One WebSocket is one TCP connection to each port.
export const WS_PORTFORWARD_PROTOCOLS = ['v4.channel.k8s.io', 'channel.k8s.io'] as const

function portPrefix(channel: number, port: number): Buffer {
  return Buffer.of(channel, port & 0xff, (port >> 8) & 0xff)
}

export function servePortForwardChannels(
  { api, traffic }: StreamingContext,
  pod: Pod,
  ws: WebSocket,
  query: URLSearchParams,
): void {
  const ports = query
    .getAll('ports')
    .flatMap((p) => p.split(','))
    .map((p) => Number(p.trim()))
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
    ws.send(Buffer.concat([Buffer.of(1), Buffer.from('query parameter "port" is required')]))
    return void ws.close(1000)
  }
  let open = ports.length
  const finished = (): void => {
    if (--open === 0) ws.close(1000)
  }
  const responders = ports.map((port, i) => {
    ws.send(portPrefix(2 * i, port))
    ws.send(portPrefix(2 * i + 1, port))
    const now = currentPod(api, pod)
    const target = findPortTarget(now, port)
    if (!target) {
      ws.send(Buffer.concat([Buffer.of(2 * i + 1), Buffer.from(connectionRefused(now, port))]))
      finished()
      return undefined
    }
    return new HttpResponder(
      target,
      (data) => ws.send(Buffer.concat([Buffer.of(2 * i), data])),
      finished,
      () => traffic.record(now.metadata.uid, api.clock.now()),
    )
  })
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length < 1) return
    const channel = data[0] ?? 0
    if (channel % 2 === 0) responders[channel / 2]?.input(data.subarray(1))
  })
  ws.on('close', () => {
    for (const r of responders) r?.end()
  })
}
