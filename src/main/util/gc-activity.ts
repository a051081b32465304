import { constants, PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks'

/**
 * Garbage collections of this process, for web mode's /api/diagnostics: a measurement of idle CPU must not
 * begin while V8 is still collecting what the work before it left behind (its memory reducer runs a few full
 * collections ~8 s after the last one, when the process has gone quiet). Observing starts on the first call,
 * so a process nobody asks pays nothing.
 */
export interface GcActivity {
  /** Collections seen since observing began (minor ones included), and how many were full (mark-compact). */
  count: number
  major: number
  /** Milliseconds of pause they took in all. */
  pauseMs: number
  /** Milliseconds since the last one ended; since observing began when there was none. */
  quietMs: number
}

let observer: PerformanceObserver | undefined
let since = 0
let count = 0
let major = 0
let pauseMs = 0
let lastEnd = 0

function note(entry: PerformanceEntry): void {
  count++
  pauseMs += entry.duration
  const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind
  if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++
  lastEnd = Math.max(lastEnd, entry.startTime + entry.duration)
}

/** What has been collected since the first call (which starts observing and reports nothing yet). */
export function gcActivity(): GcActivity {
  if (!observer) {
    since = performance.now()
    observer = new PerformanceObserver((list) => list.getEntries().forEach(note))
    observer.observe({ entryTypes: ['gc'] })
  }
  // Entries are delivered a moment after each collection: take the ones waiting now.
  for (const entry of observer.takeRecords()) note(entry)
  return { count, major, pauseMs, quietMs: performance.now() - Math.max(since, lastEnd) }
}

/** Stops observing (tests). */
export function stopGcActivity(): void {
  observer?.disconnect()
  observer = undefined
  count = major = pauseMs = lastEnd = 0
}
