import type { KeyedRow } from './fold'
import type { WatchCache } from './watch-cache'
import type { Row } from '@shared/rows'

export interface WatchLease<R extends KeyedRow = Row> {
  readonly cache: WatchCache<R>
  /** Idempotent; the last release of a cache stops it. */
  release(): void
}

export interface WatchRegistry<R extends KeyedRow = Row> {
  /**
   * `create` gets the rows of the key's previous cache when it stopped less than `leftoverMs` ago (a page
   * reloaded, the same view opened again): the new cache's first list keeps those that are still equal.
   */
  acquire(key: string, create: (reuse?: ReadonlyMap<string, R>) => WatchCache<R>): WatchLease<R>
  /** Keys of running caches with their subscriber counts. */
  active(): Map<string, number>
  closeAll(): void
}

interface Entry<R extends KeyedRow> {
  cache: WatchCache<R>
  refs: number
}

/**
 * How long a stopped cache's rows are kept for the next cache of its key. A page that reloads subscribes again
 * within a second or two; without this its new list and the old rows both stayed in V8's old generation until a
 * full collection, which at 100k pods came no sooner than a minute later (docs/performance.md).
 */
export const LEFTOVER_MS = 10_000

/** One watch cache per key, shared by every subscriber and stopped when the last one leaves. */
export function createWatchRegistry<R extends KeyedRow = Row>(
  opts: { leftoverMs?: number } = {},
): WatchRegistry<R> {
  const leftoverMs = opts.leftoverMs ?? LEFTOVER_MS
  const entries = new Map<string, Entry<R>>()
  const leftovers = new Map<string, { rows: ReadonlyMap<string, R>; timer: ReturnType<typeof setTimeout> }>()
  const dropLeftover = (key: string): ReadonlyMap<string, R> | undefined => {
    const left = leftovers.get(key)
    if (!left) return undefined
    clearTimeout(left.timer)
    leftovers.delete(key)
    return left.rows
  }
  const keepLeftover = (key: string, cache: WatchCache<R>): void => {
    dropLeftover(key)
    // Only a whole list is worth keeping (a cache stopped while listing holds part of one).
    if (leftoverMs <= 0 || !cache.isReady() || cache.heldRows().size === 0) return
    const timer = setTimeout(() => dropLeftover(key), leftoverMs)
    timer.unref?.()
    leftovers.set(key, { rows: cache.heldRows(), timer })
  }
  return {
    acquire(key, create) {
      let entry = entries.get(key)
      // A cache whose first list failed is never reused: the next subscriber gets a fresh attempt.
      if (!entry || entry.cache.activity().stopped) {
        entry = { cache: create(dropLeftover(key)), refs: 0 }
        entries.set(key, entry)
      }
      const held = entry
      held.refs++
      let released = false
      return {
        cache: held.cache,
        release() {
          if (released) return
          released = true
          held.refs--
          if (held.refs > 0) return
          held.cache.stop()
          if (entries.get(key) !== held) return
          entries.delete(key)
          keepLeftover(key, held.cache)
        },
      }
    },
    active: () => new Map([...entries].map(([k, e]) => [k, e.refs])),
    closeAll() {
      for (const e of entries.values()) e.cache.stop()
      entries.clear()
      for (const key of [...leftovers.keys()]) dropLeftover(key)
    },
  }
}
