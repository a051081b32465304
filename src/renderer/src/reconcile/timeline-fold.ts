import type { ApiErrorBody, ReconcileEvent, ReconcileSnapshot, TimelineEntry } from '@shared/contract'

/** Entries the view keeps; older ones fall off the end. */
export const KEEP = 300

export interface ReconcileState {
  snapshot?: ReconcileSnapshot
  /**
   * Newest first, in the groups they arrived in (one per animation frame): a frame of a busy rollout then adds
   * one group to the page and drops whole old ones, instead of inserting and removing dozens of lines one by one
   * in a long list.
   */
  entries: TimelineEntry[][]
  error?: ApiErrorBody
}

/** Folds stream events (oldest first) into the state: the latest snapshot wins, entries go on top. */
export function foldReconcile(s: ReconcileState, events: readonly ReconcileEvent[]): ReconcileState {
  let snapshot = s.snapshot
  const fresh: TimelineEntry[] = []
  for (const ev of events) {
    if (ev.snapshot) snapshot = ev.snapshot
    if (ev.entries) fresh.push(...ev.entries)
  }
  const entries = fresh.length ? keepNewest([fresh.reverse().slice(0, KEEP), ...s.entries]) : s.entries
  return { ...s, ...(snapshot ? { snapshot } : {}), entries }
}

/** The groups holding the newest KEEP entries; only the oldest group kept is cut (and so re-rendered). */
function keepNewest(groups: TimelineEntry[][]): TimelineEntry[][] {
  const out: TimelineEntry[][] = []
  let room = KEEP
  for (const g of groups) {
    if (room === 0) break
    out.push(g.length <= room ? g : g.slice(0, room))
    room -= Math.min(room, g.length)
  }
  return out
}
