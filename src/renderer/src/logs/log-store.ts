/** How many lines a viewer keeps before dropping the oldest (shown to the person). */
export const DEFAULT_LINE_CAP = 1_000_000

type Listener = () => void

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text
}

/** Lines appended together, kept as one string and where each line ends: a million lines are a few hundred objects. */
interface Chunk {
  text: string
  /** End offset of each line in `text`; line k starts one past the end of line k − 1 (a "\n" between). */
  ends: Uint32Array
  /** Index into `sources`, for deployment logs. */
  tag: number | undefined
}

/** Lines per chunk at most, so the cap can drop old lines in small steps. */
const CHUNK_LINES = 4096

/**
 * Log lines kept outside React: chunks of joined text plus a version counter, so appending 50,000 lines a
 * second costs a join per batch and a notification every 80 ms or so, never a re-render of every row.
 * Chunks rather than a string per line: a million separate strings made every major garbage collection of
 * the renderer a 100 ms+ pause while a busy log was followed.
 */
export class LogStore {
  readonly cap: number
  private chunks: Chunk[] = []
  /** Number of the first line of each chunk, counted over all lines ever appended. */
  private firsts: number[] = []
  /** Lines held in `chunks` (may run past the cap by up to a tenth before the oldest chunks go). */
  private held = 0
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
    return Math.min(this.held, this.cap)
  }

  /** Lines dropped from the start because of the cap, in total. */
  get dropped(): number {
    return this.trimmed + this.base
  }

  // Held lines past the cap are the oldest ones, hidden until their chunk is dropped.
  private get base(): number {
    return this.held - this.length
  }

  /** The chunk holding shown line `i`, and the line's index within it. */
  private locate(i: number): { chunk: Chunk; k: number } | undefined {
    if (i < 0 || i >= this.length) return undefined
    const g = this.trimmed + this.base + i
    let lo = 0
    let hi = this.firsts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.firsts[mid] ?? 0) <= g) lo = mid
      else hi = mid - 1
    }
    const chunk = this.chunks[lo]
    return chunk && { chunk, k: g - (this.firsts[lo] ?? 0) }
  }

  line(i: number): string {
    const at = this.locate(i)
    return at ? lineOf(at.chunk, at.k) : ''
  }

  /** The pod a line came from, for deployment logs. */
  source(i: number): string | undefined {
    const tag = this.locate(i)?.chunk.tag
    return tag === undefined ? undefined : this.sources[tag]
  }

  /** A source's number, given in order of first sight (pods keep theirs for the store's life): picks its colour. */
  sourceNumber(source: string): number {
    let tag = this.sourceIndex.get(source)
    if (tag === undefined) {
      tag = this.sources.length
      this.sources.push(source)
      this.sourceIndex.set(source, tag)
    }
    return tag
  }

  append(lines: readonly string[], source?: string): void {
    if (lines.length === 0) return
    const tag = source === undefined ? undefined : this.sourceNumber(source)
    for (let from = 0; from < lines.length; from += CHUNK_LINES) {
      const part = lines.slice(from, from + CHUNK_LINES)
      this.firsts.push(this.trimmed + this.held)
      this.chunks.push({ text: part.join('\n'), ends: fixEnds(part), tag })
      this.held += part.length
      this.consolidate()
    }
    // Drop whole old chunks once a tenth of the cap is over, so the cost is paid rarely.
    if (this.held - this.cap >= Math.max(1, Math.floor(this.cap / 10))) {
      while (this.chunks.length > 1 && this.held - (this.chunks[0]?.ends.length ?? 0) >= this.cap) {
        const gone = this.chunks.shift()?.ends.length ?? 0
        this.firsts.shift()
        this.held -= gone
        this.trimmed += gone
      }
    }
    this.changed()
  }

  /**
   * Joins the trailing run of batch-sized chunks of one source into one chunk once it holds CHUNK_LINES lines.
   * A batch's text (~100 KB at 1,000 lines) sits on V8's ordinary pages, which a full collection compacts by
   * copying what lives on them: a million lines meant tens of MB copied in one pause. A joined chunk is over
   * V8's large-object size, and large objects are never moved.
   */
  private consolidate(): void {
    const last = this.chunks.length - 1
    const tag = this.chunks[last]?.tag
    let from = last
    let lines = 0
    while (from >= 0) {
      const c = this.chunks[from]
      if (!c || c.tag !== tag || c.ends.length >= CHUNK_LINES) break
      lines += c.ends.length
      from--
    }
    from++
    if (lines < CHUNK_LINES || last - from < 1) return
    const run = this.chunks.slice(from)
    const ends = new Uint32Array(lines)
    let at = 0
    let offset = 0
    for (const c of run) {
      for (let k = 0; k < c.ends.length; k++) ends[at++] = (c.ends[k] ?? 0) + offset
      offset += c.text.length + 1
    }
    this.chunks.splice(from, run.length, { text: run.map((c) => c.text).join('\n'), ends, tag })
    this.firsts.splice(from + 1, run.length - 1)
  }

  clear(): void {
    this.chunks = []
    this.firsts = []
    this.held = 0
    this.trimmed = 0
    this.changed()
  }

  /** Every shown line in order, with its index (search and download walk chunks, not one lookup a line). */
  private *shown(): Generator<[number, string, Chunk]> {
    const first = this.locate(0)
    if (!first) return
    let i = 0
    let k = first.k
    for (let c = this.chunks.indexOf(first.chunk); c < this.chunks.length; c++, k = 0) {
      const chunk = this.chunks[c]
      if (!chunk) continue
      for (; k < chunk.ends.length && i < this.length; k++, i++) yield [i, lineOf(chunk, k), chunk]
    }
  }

  /** Indexes of lines containing `query` (case-insensitive, ANSI codes ignored). */
  search(query: string): number[] {
    if (!query) return []
    const literal = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const re = new RegExp(literal, 'i')
    const global = new RegExp(literal, 'gi')
    const out: number[] = []
    const first = this.locate(0)
    if (!first) return out
    let i = -first.k // shown index of the current chunk's line 0
    for (let c = this.chunks.indexOf(first.chunk); c < this.chunks.length; c++) {
      const chunk = this.chunks[c]
      if (!chunk) continue
      const n = chunk.ends.length
      if (chunk.text.includes('\u001b')) {
        // Colour codes may split a match: test those lines one by one, without the codes.
        for (let k = Math.max(0, -i); k < n; k++) if (re.test(stripAnsi(lineOf(chunk, k)))) out.push(i + k)
      } else {
        // One native scan of the chunk; a query cannot span lines (it holds no newline), so each match
        // names a line, and the scan then moves on to the next line.
        global.lastIndex = i < 0 ? (chunk.ends[-i - 1] ?? 0) + 1 : 0
        for (let m = global.exec(chunk.text); m; m = global.exec(chunk.text)) {
          const k = lineAt(chunk.ends, m.index)
          out.push(i + k)
          global.lastIndex = (chunk.ends[k] ?? chunk.text.length) + 1
        }
      }
      i += n
    }
    return out.filter((x) => x < this.length)
  }

  /** What is shown, as plain text (ANSI removed; pod prefix when lines come from several pods). */
  toText(): string {
    const out: string[] = []
    for (const [, line, chunk] of this.shown()) {
      const src = chunk.tag === undefined ? undefined : this.sources[chunk.tag]
      out.push(src === undefined ? stripAnsi(line) : `[${src}] ${stripAnsi(line)}`)
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

/**
 * Views hear of new lines at most ~12 times a second, on an animation frame: a log busy enough to change every
 * frame cannot be read at that speed anyway, and each update costs a layout of the pane.
 */
const NOTIFY_EVERY_MS = 80

function defaultSchedule(fn: () => void): void {
  setTimeout(() => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn())
    else fn()
  }, NOTIFY_EVERY_MS)
}

/** Where each line of `part` ends once the lines are joined with "\n". */
function fixEnds(part: readonly string[]): Uint32Array {
  const ends = new Uint32Array(part.length)
  let end = -1
  for (let k = 0; k < part.length; k++) ends[k] = end += (part[k]?.length ?? 0) + 1
  return ends
}

function lineOf(chunk: Chunk, k: number): string {
  const start = k === 0 ? 0 : (chunk.ends[k - 1] ?? 0) + 1
  return chunk.text.slice(start, chunk.ends[k])
}

/** The line of a chunk that holds text offset `at`. */
function lineAt(ends: Uint32Array, at: number): number {
  let lo = 0
  let hi = ends.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ends[mid] ?? 0) < at) lo = mid + 1
    else hi = mid
  }
  return lo
}
