import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { SPDY3_DICTIONARY } from './spdy-dictionary'
import { controlFrame, dataFrame, FLAG_FIN, FrameReader, HeaderCodec, SYN_STREAM, u32 } from './spdy-framer'

// SPDY/3.1 framing pieces on their own: frames cut from a byte stream however it arrives, and header blocks
// through the connection-wide zlib contexts (the dictionary is what Go's spdystream primes its zlib with).
function headerBlock(pairs: Array<[string, string]>): Buffer {
  const parts = [u32(pairs.length)]
  for (const [k, v] of pairs)
    parts.push(u32(k.length), Buffer.from(k), u32(Buffer.byteLength(v)), Buffer.from(v))
  return Buffer.concat(parts)
}

describe('SPDY framing', () => {
  it('cuts control and data frames out of arbitrarily split bytes', () => {
    const bytes = Buffer.concat([
      controlFrame(SYN_STREAM, FLAG_FIN, Buffer.from('0123456789abc')),
      dataFrame(5, 0, Buffer.from('hello')),
      dataFrame(5, FLAG_FIN, Buffer.alloc(0)),
    ])
    const reader = new FrameReader()
    const frames = []
    for (let i = 0; i < bytes.length; i += 3) frames.push(...reader.push(bytes.subarray(i, i + 3)))
    expect(frames).toEqual([
      { control: true, type: SYN_STREAM, flags: FLAG_FIN, body: Buffer.from('0123456789abc') },
      { control: false, streamId: 5, flags: 0, body: Buffer.from('hello') },
      { control: false, streamId: 5, flags: FLAG_FIN, body: Buffer.alloc(0) },
    ])
    expect(bytes.readUInt16BE(0)).toBe(0x8003) // control bit and version 3
  })

  it('decodes successive header blocks compressed with one shared context', async () => {
    // as a client does: one deflate stream with the SPDY/3 dictionary, a sync flush after each block
    const client = zlib.createDeflate({ dictionary: SPDY3_DICTIONARY })
    const chunks: Buffer[] = []
    client.on('data', (c: Buffer) => chunks.push(c))
    const compress = (block: Buffer): Promise<Buffer> =>
      new Promise((resolve) => {
        client.write(block)
        client.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(chunks.splice(0))))
      })
    const codec = new HeaderCodec()
    const first = await compress(
      headerBlock([
        ['streamtype', 'error'],
        ['port', '80'],
        ['requestid', '0'],
      ]),
    )
    const second = await compress(
      headerBlock([
        ['streamtype', 'data'],
        ['port', '80'],
        ['requestid', '0'],
      ]),
    )
    expect(Object.fromEntries(await codec.decode(first))).toEqual({
      streamtype: 'error',
      port: '80',
      requestid: '0',
    })
    expect(Object.fromEntries(await codec.decode(second))).toEqual({
      streamtype: 'data',
      port: '80',
      requestid: '0',
    })
    client.close()
    codec.close()
  })

  it('encodes header blocks a dictionary-primed inflater reads back', async () => {
    const codec = new HeaderCodec()
    const block = await codec.encode({ ':status': '200' })
    const peer = zlib.createInflate({ dictionary: SPDY3_DICTIONARY })
    const out = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = []
      peer.on('data', (c: Buffer) => chunks.push(c))
      peer.write(block)
      peer.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(chunks)))
    })
    expect(out).toEqual(headerBlock([[':status', '200']]))
    peer.close()
    codec.close()
  })
})
