import type { Duplex } from 'node:stream'
import { SpdyConnection } from '../portforward/spdy-connection'
import type { ExecConnection, ExecStatus, TerminalSize } from './channels'
import { parseResize, STDERR, STDOUT } from './channels'
import type { StreamFlags } from './exec-session'

// exec and attach over SPDY/3.1 (remotecommand v4, what kubectl falls back to and what older clients use):
// the client opens one stream per standard stream, named by a `streamtype` header; the session starts once
// every stream the request asked for is open.
export const SPDY_EXEC_PROTOCOLS = [
  'v4.channel.k8s.io',
  'v3.channel.k8s.io',
  'v2.channel.k8s.io',
  'channel.k8s.io',
]

type StreamType = 'error' | 'stdin' | 'stdout' | 'stderr' | 'resize'

export class SpdyExecConnection implements ExecConnection {
  private readonly spdy: SpdyConnection
  private readonly ids = new Map<StreamType, number>()
  private readonly types = new Map<number, StreamType>()
  private stdinHandlers: Array<(data: Buffer) => void> = []
  private stdinEndHandlers: Array<() => void> = []
  private resizeHandlers: Array<(size: TerminalSize) => void> = []
  private closeHandlers: Array<() => void> = []
  private resizeBuffer = ''
  private finished = false
  private started = false

  constructor(
    socket: Duplex,
    private readonly flags: StreamFlags,
    private readonly protocol: string,
    private readonly ready: (conn: SpdyExecConnection) => void,
  ) {
    this.spdy = new SpdyConnection(socket, {
      stream: (id, headers) => this.opened(id, headers.get('streamtype') ?? ''),
      data: (id, data, fin) => this.received(id, data, fin),
      closed: () => {
        this.endStdin()
        for (const h of this.closeHandlers) h()
      },
    })
  }

  get isClosed(): boolean {
    return this.finished || this.spdy.isClosed
  }

  onStdin(fn: (data: Buffer) => void): void {
    this.stdinHandlers.push(fn)
  }

  onStdinEnd(fn: () => void): void {
    this.stdinEndHandlers.push(fn)
  }

  onResize(fn: (size: TerminalSize) => void): void {
    this.resizeHandlers.push(fn)
  }

  onClose(fn: () => void): void {
    this.closeHandlers.push(fn)
  }

  write(channel: number, data: string | Buffer): void {
    const id = this.ids.get(channel === STDOUT ? 'stdout' : channel === STDERR ? 'stderr' : 'error')
    const body = typeof data === 'string' ? Buffer.from(data) : data
    if (id !== undefined && body.length > 0 && !this.isClosed) this.spdy.write(id, body)
  }

  // The output streams end first; then the status goes on the error stream, which the client reads last.
  finish(status: ExecStatus): void {
    if (this.isClosed) return
    this.finished = true
    for (const t of ['stdout', 'stderr'] as const) {
      const id = this.ids.get(t)
      if (id !== undefined) this.spdy.end(id)
    }
    const errorId = this.ids.get('error')
    if (errorId === undefined) return this.spdy.close()
    // v1 and v2 carry a plain message instead of a Status, and nothing at all on success.
    const v4 = this.protocol === 'v4.channel.k8s.io' || this.protocol === 'v3.channel.k8s.io'
    const body = v4
      ? JSON.stringify({ metadata: {}, ...status })
      : status.status === 'Success'
        ? ''
        : (status.message ?? '')
    if (body) this.spdy.write(errorId, Buffer.from(body))
    this.spdy.end(errorId)
  }

  private expected(): StreamType[] {
    const list: StreamType[] = ['error']
    if (this.flags.stdin) list.push('stdin')
    if (this.flags.stdout) list.push('stdout')
    if (this.flags.stderr && !this.flags.tty) list.push('stderr')
    if (this.flags.tty && this.protocol !== 'v2.channel.k8s.io' && this.protocol !== 'channel.k8s.io')
      list.push('resize')
    return list
  }

  private opened(id: number, type: string): void {
    if (!['error', 'stdin', 'stdout', 'stderr', 'resize'].includes(type)) return this.spdy.reset(id)
    this.ids.set(type as StreamType, id)
    this.types.set(id, type as StreamType)
    if (!this.started && this.expected().every((t) => this.ids.has(t))) {
      this.started = true
      this.ready(this)
    }
  }

  private received(id: number, data: Buffer, fin: boolean): void {
    const type = this.types.get(id)
    if (type === 'stdin') {
      if (data.length > 0) for (const h of this.stdinHandlers) h(data)
      if (fin) this.endStdin()
    } else if (type === 'resize' && data.length > 0) {
      // the client's json.Encoder writes one object per line
      const lines = (this.resizeBuffer + data.toString('utf8')).split('\n')
      this.resizeBuffer = lines.pop() ?? ''
      for (const l of lines) {
        const size = parseResize(l)
        if (size) for (const h of this.resizeHandlers) h(size)
      }
    }
  }

  private endStdin(): void {
    const handlers = this.stdinEndHandlers
    this.stdinEndHandlers = []
    for (const h of handlers) h()
  }
}
