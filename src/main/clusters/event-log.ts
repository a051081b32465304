/** An append-only list of events with any number of readers that replay history, then follow live. */
export class EventLog<T> {
  readonly events: T[] = []
  private closed = false
  private readonly wakers = new Set<() => void>()

  push(event: T): void {
    if (this.closed) return
    this.events.push(event)
    this.wakeAll()
  }

  /** No more events will come; readers end after draining what is there. */
  close(): void {
    this.closed = true
    this.wakeAll()
  }

  get isClosed(): boolean {
    return this.closed
  }

  get readerCount(): number {
    return this.wakers.size
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake()
  }

  /**
   * A reader from the first event. Ends when the log closes, when `signal` aborts, or on `return()` —
   * which also settles a pending `next()` at once, so an unsubscribe never waits for the next event.
   */
  read(signal?: AbortSignal): AsyncIterableIterator<T> {
    let index = 0
    let ended = false
    let pending: (() => void) | undefined
    const wake = (): void => {
      const resolve = pending
      pending = undefined
      resolve?.()
    }
    const end = (): void => {
      if (ended) return
      ended = true
      this.wakers.delete(wake)
      signal?.removeEventListener('abort', end)
      wake()
    }
    this.wakers.add(wake)
    if (signal?.aborted) end()
    else signal?.addEventListener('abort', end, { once: true })

    const iterator: AsyncIterableIterator<T> = {
      next: async (): Promise<IteratorResult<T>> => {
        while (!ended) {
          if (index < this.events.length) return { value: this.events[index++] as T, done: false }
          if (this.closed) break
          await new Promise<void>((resolve) => (pending = resolve))
        }
        end()
        return { value: undefined, done: true }
      },
      return: async (): Promise<IteratorResult<T>> => {
        end()
        return { value: undefined, done: true }
      },
      [Symbol.asyncIterator]: () => iterator,
    }
    return iterator
  }
}
