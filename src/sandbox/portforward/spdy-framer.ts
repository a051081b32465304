import zlib from 'node:zlib'
import { SPDY3_DICTIONARY } from './spdy-dictionary'

// SPDY/3.1 framing, the subset kubelet's port-forward needs (what moby/spdystream speaks): streams opened by
// the client with SYN_STREAM, answered with SYN_REPLY, DATA both ways with FIN, RST_STREAM, PING echo,
// GOAWAY. Header blocks share one zlib context per direction, primed with the SPDY/3 dictionary.
export const SYN_STREAM = 1
export const SYN_REPLY = 2
export const RST_STREAM = 3
export const PING = 6
export const GOAWAY = 7
export const HEADERS = 8
export const FLAG_FIN = 1

export type Frame =
  | { control: true; type: number; flags: number; body: Buffer }
  | { control: false; streamId: number; flags: number; body: Buffer }

// Cuts a byte stream into frames.
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0)

  push(data: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data])
    const frames: Frame[] = []
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUIntBE(5, 3)
      if (this.buffer.length < 8 + length) break
      const flags = this.buffer[4] ?? 0
      const body = this.buffer.subarray(8, 8 + length)
      const first = this.buffer.readUInt32BE(0)
      if (first & 0x80000000) frames.push({ control: true, type: first & 0xffff, flags, body })
      else frames.push({ control: false, streamId: first & 0x7fffffff, flags, body })
      this.buffer = this.buffer.subarray(8 + length)
    }
    return frames
  }
}

function header(first: number, flags: number, length: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeUInt32BE(first >>> 0, 0)
  b.writeUInt32BE(((flags & 0xff) << 24) | length, 4)
  return b
}

export function controlFrame(type: number, flags: number, body: Buffer): Buffer {
  return Buffer.concat([header(0x80030000 | type, flags, body.length), body])
}

export function dataFrame(streamId: number, flags: number, body: Buffer): Buffer {
  return Buffer.concat([header(streamId & 0x7fffffff, flags, body.length), body])
}

export function streamIdOf(body: Buffer): number {
  return body.readUInt32BE(0) & 0x7fffffff
}

// Runs one zlib stream across many blocks, each ended with a sync flush, in call order.
class SharedZlib {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly z: zlib.Inflate | zlib.Deflate) {
    z.on('error', () => undefined) // surfaced through the pending call instead
  }

  process(input: Buffer): Promise<Buffer> {
    const run = (): Promise<Buffer> =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = []
        const onData = (c: Buffer): void => void chunks.push(c)
        const onError = (err: Error): void => {
          this.z.off('data', onData)
          reject(err)
        }
        this.z.on('data', onData)
        this.z.once('error', onError)
        this.z.write(input)
        this.z.flush(zlib.constants.Z_SYNC_FLUSH, () => {
          this.z.off('data', onData)
          this.z.off('error', onError)
          resolve(Buffer.concat(chunks))
        })
      })
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }

  close(): void {
    this.z.close()
  }
}

export class HeaderCodec {
  private readonly inflate = new SharedZlib(zlib.createInflate({ dictionary: SPDY3_DICTIONARY }))
  private readonly deflate = new SharedZlib(zlib.createDeflate({ dictionary: SPDY3_DICTIONARY }))

  async decode(block: Buffer): Promise<Map<string, string>> {
    const raw = await this.inflate.process(block)
    const headers = new Map<string, string>()
    const count = raw.readUInt32BE(0)
    let at = 4
    for (let i = 0; i < count; i++) {
      const nameLen = raw.readUInt32BE(at)
      const name = raw.toString('utf8', at + 4, at + 4 + nameLen)
      at += 4 + nameLen
      const valueLen = raw.readUInt32BE(at)
      // several values of one header are joined by NUL; the first is all kubelet reads
      const value = raw.toString('utf8', at + 4, at + 4 + valueLen).split('\0')[0] ?? ''
      at += 4 + valueLen
      headers.set(name.toLowerCase(), value)
    }
    return headers
  }

  encode(headers: Record<string, string>): Promise<Buffer> {
    const entries = Object.entries(headers)
    const parts: Buffer[] = [u32(entries.length)]
    for (const [k, v] of entries) {
      const name = Buffer.from(k.toLowerCase())
      const value = Buffer.from(v)
      parts.push(u32(name.length), name, u32(value.length), value)
    }
    return this.deflate.process(Buffer.concat(parts))
  }

  close(): void {
    this.inflate.close()
    this.deflate.close()
  }
}

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0, 0)
  return b
}
