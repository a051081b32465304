import type { Duplex } from 'node:stream'
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
  u32,
} from './spdy-framer'

// A server-side SPDY/3.1 connection as moby/spdystream's client expects it: every stream the client opens is
// accepted with a SYN_REPLY, PINGs are echoed, and frames leave in order although header compression is
// asynchronous. Port-forward and the SPDY fallback of exec/attach build on it.
export interface SpdyHandlers {
  stream(id: number, headers: Map<string, string>): void
  data(id: number, data: Buffer, fin: boolean): void
  reset?(id: number): void
  closed?(): void
}

export class SpdyConnection {
  private readonly reader = new FrameReader()
  private readonly codec = new HeaderCodec()
  private outQueue: Promise<void> = Promise.resolve()
  private inQueue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    private readonly conn: Duplex,
    private readonly handlers: SpdyHandlers,
  ) {
    conn.on('data', (data: Buffer) => {
      for (const frame of this.reader.push(data)) {
        this.inQueue = this.inQueue.then(() => this.onFrame(frame)).catch(() => this.close())
      }
    })
    conn.on('error', () => this.close())
    conn.on('close', () => this.close())
    conn.on('end', () => this.close())
  }

  get isClosed(): boolean {
    return this.closed
  }

  write(id: number, data: Buffer, fin = false): void {
    this.send(() => dataFrame(id, fin ? FLAG_FIN : 0, data))
  }

  // Half-closes a stream from this side.
  end(id: number): void {
    this.write(id, Buffer.alloc(0), true)
  }

  reset(id: number): void {
    this.send(() => controlFrame(RST_STREAM, 0, Buffer.concat([u32(id), u32(1)])))
  }

  // Ends the whole connection once everything queued has been written.
  close(): void {
    if (this.closed) return
    this.closed = true
    void this.outQueue.then(() => {
      this.codec.close()
      this.conn.end()
      this.conn.destroy()
    })
    this.handlers.closed?.()
  }

  private send(make: () => Buffer | Promise<Buffer>): void {
    this.outQueue = this.outQueue.then(async () => {
      const frame = await make()
      if (!this.conn.destroyed) this.conn.write(frame)
    })
  }

  private async onFrame(frame: Frame): Promise<void> {
    if (!frame.control) return this.handlers.data(frame.streamId, frame.body, (frame.flags & FLAG_FIN) !== 0)
    switch (frame.type) {
      case SYN_STREAM: {
        const id = streamIdOf(frame.body)
        const headers = await this.codec.decode(frame.body.subarray(10))
        this.send(async () =>
          controlFrame(SYN_REPLY, 0, Buffer.concat([u32(id), await this.codec.encode({})])),
        )
        this.handlers.stream(id, headers)
        if (frame.flags & FLAG_FIN) this.handlers.data(id, Buffer.alloc(0), true)
        return
      }
      case HEADERS:
        await this.codec.decode(frame.body.subarray(4)) // keeps the shared zlib context in step
        return
      case RST_STREAM:
        return this.handlers.reset?.(streamIdOf(frame.body))
      case PING:
        return this.send(() => controlFrame(PING, 0, frame.body))
      case GOAWAY:
        return this.close()
      default:
        return // SETTINGS, WINDOW_UPDATE: a simulated pod has nothing to tune
    }
  }
}
