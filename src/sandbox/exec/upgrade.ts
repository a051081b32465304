import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { createWebSocketStream, WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import type { ObjectApi } from '../api/objects'
import type { TrafficMeter } from '../metrics/traffic'
import type { ResourceDef } from '../api/resources'
import { ApiError, badRequest, methodNotAllowed } from '../api/status'
import type { Pod } from '../types'
import { serveAttach } from './attach'
import type { ExecConnection } from './channels'
import { ChannelConnection, EXEC_PROTOCOLS } from './channels'
import { SPDY_EXEC_PROTOCOLS, SpdyExecConnection } from './spdy-exec'
import type { ContainerView } from './container-fs'
import type { StreamFlags } from './exec-session'
import { runExec } from './exec-session'
import { endWhenContainerStops } from './container-stop'
import { filesFor } from './container-files'
import { servePortForwardChannels, WS_PORTFORWARD_PROTOCOLS } from '../portforward/ws-channels'
import { servePortForwardSpdy, SPDY_TUNNEL_PROTOCOL } from '../portforward/spdy-session'

// Upgrade requests for pods/exec, pods/attach and pods/portforward: checks like kubelet's, then the protocol
// the client negotiates (WebSocket channels, SPDY tunnelled in WebSocket, or a plain SPDY/3.1 upgrade).
export interface StreamingContext {
  api: ObjectApi
  traffic: TrafficMeter
}

export interface StreamRoute {
  resource: ResourceDef
  namespace: string
  name?: string
  subresource?: string
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })

export function rejectUpgrade(socket: Duplex, code: number, body: string, type = 'application/json'): void {
  const reason =
    code === 400 ? 'Bad Request' : code === 404 ? 'Not Found' : code === 401 ? 'Unauthorized' : 'Error'
  socket.end(
    `HTTP/1.1 ${code} ${reason}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-cache, private\r\nConnection: close\r\n\r\n${body}`,
  )
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'] ?? ''
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
}

function flag(query: URLSearchParams, name: string): boolean {
  const v = query.get(name)
  return v === 'true' || v === '1' || v === 'True' || v === 'TRUE' || v === 't' || v === 'T'
}

function pickContainer(pod: Pod, query: URLSearchParams): ContainerView {
  const names = pod.spec.containers.map((c) => c.name)
  const wanted = query.get('container') ?? ''
  const name = wanted || (names.length === 1 ? (names[0] ?? '') : '')
  if (!name)
    throw badRequest(
      `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`,
    )
  const container = pod.spec.containers.find((c) => c.name === name)
  if (!container) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`)
  return { pod, container }
}

function accept(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  protocol: string,
  then: (ws: WebSocket) => void,
): void {
  const headers = { ...req.headers, 'sec-websocket-protocol': protocol }
  wss.handleUpgrade(Object.assign(req, { headers }), socket, head, then)
}

function wantsWebSocket(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket'
}

export function handleStreamUpgrade(
  ctx: StreamingContext,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  route: StreamRoute,
  query: URLSearchParams,
): void {
  try {
    const sub = route.subresource ?? ''
    if (route.resource.kind !== 'Pod' || !route.name || !['exec', 'attach', 'portforward'].includes(sub))
      throw methodNotAllowed()
    const pod = ctx.api.get(route.resource, route.namespace, route.name) as Pod
    if (sub === 'portforward') return portForward(ctx, req, socket, head, pod, query)
    const picked = pickContainer(pod, query)
    const view = { ...picked, files: filesFor(ctx.api, picked) }
    const st = pod.status.containerStatuses?.find((s) => s.name === view.container.name)
    if (!st?.state.running) {
      // kubelet answers before the upgrade, in plain text; kubectl prefixes "unable to upgrade connection".
      return rejectUpgrade(socket, 500, `container not found ("${view.container.name}")`, 'text/plain')
    }
    const flags: StreamFlags = {
      stdin: flag(query, 'stdin'),
      stdout: flag(query, 'stdout'),
      stderr: flag(query, 'stderr'),
      tty: flag(query, 'tty'),
    }
    const command = query.getAll('command')
    if (sub === 'exec' && command.length === 0) throw badRequest('you must specify at least 1 command')
    const start = (conn: ExecConnection): void => {
      const mode = sub === 'attach' ? 'attach' : 'exec'
      endWhenContainerStops(ctx.api, view, conn, mode === 'attach' ? ['attach'] : command, mode)
      if (sub === 'attach') return serveAttach(ctx.api, view, flags, conn)
      void runExec(view, command, flags, conn).catch((err: unknown) =>
        conn.finish({ status: 'Failure', message: err instanceof Error ? err.message : String(err) }),
      )
    }
    if (!wantsWebSocket(req)) return spdyExec(req, socket, head, flags, start)
    const offered = offeredProtocols(req)
    const protocol = EXEC_PROTOCOLS.find((p) => offered.includes(p))
    if (!protocol)
      throw badRequest(
        `${sub} needs one of the protocols ${EXEC_PROTOCOLS.join(', ')} (offered: ${offered.join(', ') || 'none'})`,
      )
    accept(req, socket, head, protocol, (ws) => start(new ChannelConnection(ws)))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    rejectUpgrade(socket, err.code, JSON.stringify(err.body))
  }
}

// The SPDY/3.1 upgrade kubectl falls back to (and clients before 1.30 always use) for exec and attach.
function spdyExec(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  flags: StreamFlags,
  start: (conn: ExecConnection) => void,
): void {
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'spdy/3.1') throw badRequest('unsupported upgrade')
  const offered = String(req.headers['x-stream-protocol-version'] ?? '')
    .split(',')
    .map((p) => p.trim())
  const protocol = SPDY_EXEC_PROTOCOLS.find((p) => offered.includes(p))
  if (!protocol) throw badRequest(`unsupported stream protocols: ${offered.join(', ') || 'none'}`)
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' +
      `X-Stream-Protocol-Version: ${protocol}\r\n\r\n`,
  )
  if (head.length > 0) socket.unshift(head)
  new SpdyExecConnection(socket, flags, protocol, start)
}

function portForward(
  ctx: StreamingContext,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  pod: Pod,
  query: URLSearchParams,
): void {
  if (pod.status.phase !== 'Running')
    throw badRequest(
      `unable to forward port because pod is not running. Current status=${pod.status.phase ?? 'Unknown'}`,
    )
  if (wantsWebSocket(req)) {
    const offered = offeredProtocols(req)
    if (offered.includes(SPDY_TUNNEL_PROTOCOL))
      return accept(req, socket, head, SPDY_TUNNEL_PROTOCOL, (ws) =>
        servePortForwardSpdy(ctx, pod, createWebSocketStream(ws)),
      )
    const protocol = WS_PORTFORWARD_PROTOCOLS.find((p) => offered.includes(p))
    if (!protocol) throw badRequest(`unsupported port-forward protocols: ${offered.join(', ') || 'none'}`)
    return accept(req, socket, head, protocol, (ws) => servePortForwardChannels(ctx, pod, ws, query))
  }
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'spdy/3.1') throw badRequest('unsupported upgrade')
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' +
      'X-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n',
  )
  if (head.length > 0) socket.unshift(head)
  servePortForwardSpdy(ctx, pod, socket)
}
