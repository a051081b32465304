/** A push queue read with `for await`; it ends when the signal aborts, so a generator awaiting it can finish. */
export interface EventQueue<T> extends AsyncIterable<T> {
  push(value: T): void
  /** Ends the iteration by throwing `err` to the reader. */
  fail(err: unknown): void
}

export function createEventQueue<T>(signal: AbortSignal): EventQueue<T> {
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
      items.push(value)
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
