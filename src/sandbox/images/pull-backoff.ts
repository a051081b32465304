// The kubelet's image pull back-off: 10 s, doubling, at most 300 s between attempts. The sandbox keeps
// no per-container counter, so the attempts are a fixed schedule from the first failed pull.
const FIRST_MS = 10_000
const MAX_MS = 300_000
// A wake-up this close after a scheduled attempt is that attempt (a real clock fires a little late).
const DUE_WINDOW_MS = 1000

function* attempts(firstFailure: number): Generator<number> {
  let at = firstFailure + 1000
  let gap = FIRST_MS
  for (;;) {
    at += gap
    yield at
    gap = Math.min(MAX_MS, gap * 2)
  }
}

/** The first scheduled retry after `now`. */
export function nextPullRetry(firstFailure: number, now: number): number {
  for (const at of attempts(firstFailure)) if (at > now) return at
  return now + MAX_MS
}

/** Whether `now` is (just after) a scheduled retry. */
export function pullRetryDue(firstFailure: number, now: number): boolean {
  for (const at of attempts(firstFailure)) {
    if (at > now) return false
    if (now - at <= DUE_WINDOW_MS) return true
  }
  return false
}
