/** A push queue read with `for await`; it ends when the signal aborts, so a generator awaiting it can finish. */
export interface EventQueue<T> extends AsyncIterable<T> {
  push(value: T): void
  /** Ends the iteration by throwing `err` to the reader. */
  fail(err: unknown): void
}

/**
 * `merge` may fold a pushed value into the last one still waiting to be read (returning the merged value), so a
 * slow reader gets fewer, bigger events instead of a backlog.
 */
export function createEventQueue<T>(
  signal: AbortSignal,
  merge?: (waiting: T, next: T) => T | undefined,
): EventQueue<T> {
  const items: T[] = []
  let failure: { err: unknown } | undefined
  let waiter: (() => void) | undefined
  const poke = (): void => {
    const w = waiter
    waiter = undefined
    w?.()
  }
  signal.addEventListener('abort', poke, { once: true })

  return {
    push(value) {
      const last = items.length > 0 && merge ? merge(items[items.length - 1] as T, value) : undefined
      if (last === undefined) items.push(value)
      else items[items.length - 1] = last
      poke()
    },
    fail(err) {
      failure = { err }
      poke()
    },
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          while (items.length) {
            if (signal.aborted) return
            yield items.shift() as T
          }
          if (failure) throw failure.err
          if (signal.aborted) return
          await new Promise<void>((resolve) => (waiter = resolve))
        }
      } finally {
        signal.removeEventListener('abort', poke)
      }
    },
  }
}
