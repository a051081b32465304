import type { KeyedRow } from './fold'
import type { WatchCache } from './watch-cache'
import type { Row } from '@shared/rows'

export interface WatchLease<R extends KeyedRow = Row> {
  readonly cache: WatchCache<R>
  /** Idempotent; the last release of a cache stops it. */
  release(): void
}

export interface WatchRegistry<R extends KeyedRow = Row> {
  acquire(key: string, create: () => WatchCache<R>): WatchLease<R>
  /** Keys of running caches with their subscriber counts. */
  active(): Map<string, number>
  closeAll(): void
}

interface Entry<R extends KeyedRow> {
  cache: WatchCache<R>
  refs: number
}

/** One watch cache per key, shared by every subscriber and stopped when the last one leaves. */
export function createWatchRegistry<R extends KeyedRow = Row>(): WatchRegistry<R> {
  const entries = new Map<string, Entry<R>>()
  return {
    acquire(key, create) {
      let entry = entries.get(key)
      // A cache whose first list failed is never reused: the next subscriber gets a fresh attempt.
      if (!entry || entry.cache.activity().stopped) {
        entry = { cache: create(), refs: 0 }
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
          if (entries.get(key) === held) entries.delete(key)
        },
      }
    },
    active: () => new Map([...entries].map(([k, e]) => [k, e.refs])),
    closeAll() {
      for (const e of entries.values()) e.cache.stop()
      entries.clear()
    },
  }
}
