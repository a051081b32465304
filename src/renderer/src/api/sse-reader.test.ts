import { describe, expect, it } from 'vitest'
import { readSse, type SseMessage } from './sse-reader'

/** A body that delivers `text` in the given pieces, one read each. */
function body(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(encoder.encode(p))
      controller.close()
    },
  })
}

async function read(pieces: string[]): Promise<SseMessage[]> {
  const got: SseMessage[] = []
  await readSse(body(pieces), (m) => got.push(m))
  return got
}

describe('readSse', () => {
  it('finds messages whatever the reads split, separators straddling two reads included', async () => {
    const big = 'x'.repeat(200_000)
    const text = `event: hello\ndata: {"session":"s"}\n\n: keepalive\n\ndata: ${big}\n\ndata: a\ndata: b\r\n\r\n`
    const expected = [
      { event: 'hello', data: '{"session":"s"}' },
      { event: 'message', data: big },
      { event: 'message', data: 'a\nb' },
    ]
    expect(await read([text])).toEqual(expected)
    // Every split point around the separators, and a big message in many small reads.
    for (const cut of [33, 34, 35, 36, 47, 48]) {
      expect(await read([text.slice(0, cut), text.slice(cut)])).toEqual(expected)
    }
    const pieces: string[] = []
    for (let i = 0; i < text.length; i += 4093) pieces.push(text.slice(i, i + 4093))
    expect(await read(pieces)).toEqual(expected)
  })

  it('a list’s first part (over 32 KB) is shown before the rest of the same read is parsed', async () => {
    // The head of a big list and what followed it arrive in one read. The view hears of new rows on a zero
    // timer (TanStack Query's notification), set while the head is handled: it must run before the rest is.
    const head = `data: ${'h'.repeat(48_000)}\n\n`
    const rest = `data: ${'r'.repeat(500_000)}\n\ndata: ${'s'.repeat(40_000)}\n\ndata: tail\n\n`
    const order: string[] = []
    await readSse(body([head + rest]), (m) => {
      order.push(m.data[0]!)
      setTimeout(() => order.push(`shown ${m.data[0]!}`), 0)
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(order.slice(0, 3)).toEqual(['h', 'shown h', 'r'])
    expect(order.filter((o) => !o.startsWith('shown'))).toEqual(['h', 'r', 's', 't'])
  })
})
