import type { ActivityEntry } from '@shared/contract'

/** How many entries a session keeps; older ones fall off (a log, not an archive). */
const KEEP = 500

export interface ActivityLog {
  record(entry: Omit<ActivityEntry, 'id' | 'at'>): void
  list(): ActivityEntry[]
}

/** The session's activity log: every apply and edit Skiff made, newest first, kept in memory for this run. */
export function createActivityLog(now: () => Date = () => new Date()): ActivityLog {
  const entries: ActivityEntry[] = []
  let next = 1
  return {
    record(entry) {
      entries.unshift({ ...entry, id: next++, at: now().toISOString() })
      if (entries.length > KEEP) entries.length = KEEP
    },
    list: () => entries.slice(),
  }
}
