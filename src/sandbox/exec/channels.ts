import type { WebSocket } from 'ws'

// The remote-command channel protocol over WebSocket (k8s.io/apimachinery wsstream): every binary message
// starts with one byte naming its stream. v5 adds a CLOSE message (255, stream) for half-closing stdin.
export const STDIN = 0
export const STDOUT = 1
export const STDERR = 2
export const ERROR = 3
export const RESIZE = 4
const CLOSE = 255

// In the server's order of preference, as kubelet and kube-apiserver choose them.
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const

export interface TerminalSize {
  width: number
  height: number
}

export interface StatusCause {
  reason: string
  message: string
}

export interface ExecStatus {
  status: 'Success' | 'Failure'
  message?: string
  reason?: string
  details?: { causes: StatusCause[] }
}

// What an exec or attach session needs from its transport (WebSocket channels or SPDY streams).
export interface ExecConnection {
  readonly isClosed: boolean
  onStdin(fn: (data: Buffer) => void): void
  onStdinEnd(fn: () => void): void
  onResize(fn: (size: TerminalSize) => void): void
  onClose(fn: () => void): void
  write(channel: number, data: string | Buffer): void
  finish(status: ExecStatus): void
}

// Go decodes JSON keys case-insensitively: kubectl sends Width/Height, client-node width/height.
export function parseResize(text: string): TerminalSize | undefined {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>
    const width = parsed.Width ?? parsed.width
    const height = parsed.Height ?? parsed.height
    return typeof width === 'number' && typeof height === 'number' ? { width, height } : undefined
  } catch {
    return undefined // a malformed resize is dropped, as the kubelet logs and drops it
  }
}

export class ChannelConnection implements ExecConnection {
  private stdinHandlers: Array<(data: Buffer) => void> = []
  private stdinEndHandlers: Array<() => void> = []
  private resizeHandlers: Array<(size: TerminalSize) => void> = []
  private closeHandlers: Array<() => void> = []
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data.length === 0) return
      const channel = data[0]
      const body = data.subarray(1)
      if (channel === STDIN) for (const h of this.stdinHandlers) h(body)
      else if (channel === RESIZE) this.resized(body)
      else if (channel === CLOSE && body[0] === STDIN) this.endStdin()
    })
    ws.on('close', () => {
      this.closed = true
      this.endStdin()
      for (const h of this.closeHandlers) h()
    })
  }

  get isClosed(): boolean {
    return this.closed
  }

  onStdin(fn: (data: Buffer) => void): void {
    this.stdinHandlers.push(fn)
  }

  onStdinEnd(fn: () => void): void {
    this.stdinEndHandlers.push(fn)
  }

  onClose(fn: () => void): void {
    this.closeHandlers.push(fn)
  }

  onResize(fn: (size: TerminalSize) => void): void {
    this.resizeHandlers.push(fn)
  }

  write(channel: number, data: string | Buffer): void {
    if (this.closed) return
    const body = typeof data === 'string' ? Buffer.from(data) : data
    if (body.length === 0) return
    this.send(Buffer.concat([Buffer.of(channel), body]))
  }

  // Sends the exit status on the error channel (as kubelet does), then closes the socket normally.
  finish(status: ExecStatus): void {
    if (this.closed) return
    this.write(ERROR, JSON.stringify({ metadata: {}, ...status }))
    this.closed = true
    this.queue = this.queue.then(() => this.ws.close(1000))
  }

  // One message per socket write, each after the last has left: Node would otherwise pack a burst of messages
  // into one TLS record, and the Python client (which polls the raw socket between frames) stalls on the rest.
  private send(message: Buffer): void {
    this.queue = this.queue.then(
      () =>
        new Promise<void>((resolve) => {
          if (this.ws.readyState !== this.ws.OPEN) return resolve()
          this.ws.send(message, { binary: true }, () => resolve())
        }),
    )
  }

  private resized(body: Buffer): void {
    const size = parseResize(body.toString('utf8'))
    if (size) for (const h of this.resizeHandlers) h(size)
  }

  private endStdin(): void {
    const handlers = this.stdinEndHandlers
    this.stdinEndHandlers = []
    for (const h of handlers) h()
  }
}

export function exitStatus(code: number, command: string[]): ExecStatus {
  if (code === 0) return { status: 'Success' }
  return {
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  }
}
