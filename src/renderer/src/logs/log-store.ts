/** How many lines a viewer keeps before dropping the oldest (shown to the person). */
export const DEFAULT_LINE_CAP = 1_000_000

type Listener = () => void

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text
}

/**
 * Log lines kept outside React: a plain array plus a version counter, so appending 50,000 lines a second
 * costs array pushes and one notification per animation frame, never a re-render of every row.
 */
export class LogStore {
  readonly cap: number
  private text: string[] = []
  /** Index into `sources` per line (deployment logs); empty for a single pod. */
  private tags: number[] = []
  readonly sources: string[] = []
  private sourceIndex = new Map<string, number>()
  private listeners = new Set<Listener>()
  private scheduled = false
  version = 0
  private trimmed = 0

  constructor(
    cap = DEFAULT_LINE_CAP,
    private schedule: (fn: () => void) => void = defaultSchedule,
  ) {
    this.cap = cap
  }

  /** Lines shown: never more than the cap. */
  get length(): number {
    return Math.min(this.text.length, this.cap)
  }

  /** Lines dropped from the start because of the cap, in total. */
  get dropped(): number {
    return this.trimmed + this.base
  }

  // The array may run past the cap by up to a tenth before it is trimmed; those oldest lines are hidden.
  private get base(): number {
    return this.text.length - this.length
  }

  line(i: number): string {
    return this.text[this.base + i] ?? ''
  }

  /** The pod a line came from, for deployment logs. */
  source(i: number): string | undefined {
    const t = this.tags[this.base + i]
    return t === undefined ? undefined : this.sources[t]
  }

  append(lines: readonly string[], source?: string): void {
    if (lines.length === 0) return
    let tag: number | undefined
    if (source !== undefined) {
      tag = this.sourceIndex.get(source)
      if (tag === undefined) {
        tag = this.sources.length
        this.sources.push(source)
        this.sourceIndex.set(source, tag)
      }
    }
    for (const l of lines) {
      this.text.push(l)
      if (tag !== undefined) this.tags.push(tag)
    }
    // Trim in steps of a tenth of the cap so the splice cost is paid rarely.
    const over = this.text.length - this.cap
    if (over > 0 && over >= Math.max(1, Math.floor(this.cap / 10))) {
      this.text.splice(0, over)
      if (this.tags.length > 0) this.tags.splice(0, over)
      this.trimmed += over
    }
    this.changed()
  }

  clear(): void {
    this.text = []
    this.tags = []
    this.trimmed = 0
    this.changed()
  }

  /** Indexes of lines containing `query` (case-insensitive, ANSI codes ignored). */
  search(query: string): number[] {
    if (!query) return []
    // A case-insensitive regex test allocates nothing per line, unlike toLowerCase().
    const re = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')
    const out: number[] = []
    const base = this.base
    const n = this.length
    for (let i = 0; i < n; i++) {
      const line = this.text[base + i] ?? ''
      if (re.test(line.includes('\u001b') ? stripAnsi(line) : line)) out.push(i)
    }
    return out
  }

  /** What is shown, as plain text (ANSI removed; pod prefix when lines come from several pods). */
  toText(): string {
    const out: string[] = []
    for (let i = 0; i < this.length; i++) {
      const src = this.source(i)
      out.push(src === undefined ? stripAnsi(this.line(i)) : `[${src}] ${stripAnsi(this.line(i))}`)
    }
    return out.join('\n') + (out.length ? '\n' : '')
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  private changed(): void {
    this.version++
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => {
      this.scheduled = false
      for (const l of this.listeners) l()
    })
  }
}

function defaultSchedule(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn())
  else setTimeout(fn, 16)
}
