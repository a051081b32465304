import { StringDecoder } from 'node:string_decoder'
import { Writable } from 'node:stream'
import type { AsyncQueue } from './async-queue'

export const BATCH_MS = 50
export const BATCH_LINES = 1000

/** Yields what the queue collected every BATCH_MS, or sooner once BATCH_LINES wait; ends when it closes. */
export async function* batches<T>(queue: AsyncQueue<T>, signal: AbortSignal): AsyncGenerator<T[]> {
  // Aborting wakes a generator parked in wait(), so its caller's finally runs promptly.
  const onAbort = (): void => queue.close()
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    for (;;) {
      await queue.wait()
      if (signal.aborted) return
      await queue.wait(BATCH_MS, BATCH_LINES)
      if (signal.aborted) return
      const items = queue.take()
      if (items.length > 0) yield items
      else if (queue.closed) return
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/** A Writable that splits a UTF-8 byte stream into lines (without their newline) and hands them on. */
export function lineWriter(onLine: (line: string) => void, onEnd: () => void): Writable {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  const feed = (text: string): void => {
    const parts = (rest + text).split('\n')
    rest = parts.pop() ?? ''
    for (const p of parts) onLine(p.endsWith('\r') ? p.slice(0, -1) : p)
  }
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      feed(typeof chunk === 'string' ? chunk : decoder.write(chunk))
      callback()
    },
    final(callback) {
      feed(decoder.end())
      if (rest) onLine(rest)
      rest = ''
      onEnd()
      callback()
    },
  })
}
