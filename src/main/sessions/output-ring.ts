/**
 * The recent output of a terminal session, kept so a window that takes the session over can show what the
 * terminal showed. Bounded: beyond `max` characters the oldest go, and the replay starts at a line start.
 */
export class OutputRing {
  private chunks: string[] = []
  private length = 0
  private trimmed = false

  constructor(private readonly max = 256 * 1024) {}

  push(text: string): void {
    if (!text) return
    this.chunks.push(text)
    this.length += text.length
    while (this.length > this.max) {
      const first = this.chunks[0]!
      const over = this.length - this.max
      this.trimmed = true
      if (first.length <= over) {
        this.chunks.shift()
        this.length -= first.length
      } else {
        this.chunks[0] = first.slice(over)
        this.length -= over
      }
    }
    // Many small writes (one per keystroke echo) are joined now and then, so the array stays short.
    if (this.chunks.length > 512) this.chunks = [this.chunks.join('')]
  }

  /** The kept output; after trimming, from the first line break on (not halfway into a line or a sequence). */
  text(): string {
    const all = this.chunks.join('')
    if (!this.trimmed) return all
    const nl = all.indexOf('\n')
    return nl < 0 ? all : all.slice(nl + 1)
  }

  get size(): number {
    return this.length
  }
}
