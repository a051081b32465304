/** A push-to-pull bridge: callbacks push values, an async generator awaits them. */
export class AsyncQueue<T> {
  private items: T[] = []
  private wake: (() => void) | undefined
  private wakeAt = 1
  private done = false
  private error: unknown

  push(item: T): void {
    if (this.done) return
    this.items.push(item)
    if (this.items.length >= this.wakeAt) this.signal()
  }

  close(error?: unknown): void {
    if (this.done) return
    this.done = true
    this.error = error
    this.signal()
  }

  get closed(): boolean {
    return this.done
  }

  /** Resolves when `count` items are waiting, the queue closed, or `ms` passed (undefined = no timeout). */
  async wait(ms?: number, count = 1): Promise<void> {
    if (this.items.length >= count || this.done) return
    this.wakeAt = count
    await new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms)
      this.wake = () => {
        if (timer) clearTimeout(timer)
        resolve()
      }
    })
    this.wake = undefined
    this.wakeAt = 1
  }

  /** Everything pushed so far; throws the close error once drained. */
  take(): T[] {
    const out = this.items
    this.items = []
    if (out.length === 0 && this.done && this.error !== undefined) throw this.error
    return out
  }

  get size(): number {
    return this.items.length
  }

  private signal(): void {
    const w = this.wake
    this.wake = undefined
    w?.()
  }
}
