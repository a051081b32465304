/** Formatting the way kubectl prints it, so what Skiff shows matches `kubectl get`. */

/** kubectl's duration.HumanDuration: `45s`, `3m12s`, `25m`, `5h3m`, `12h`, `3d4h`, `40d`, `2y15d`. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`
  if (hours < 48) return `${hours}h`
  const days = Math.floor(hours / 24)
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`
  if (hours < 24 * 365 * 2) return `${days}d`
  const years = Math.floor(days / 365)
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`
  return `${years}y`
}

/**
 * How far behind the real time the window's `now` can be (resources/clock.ts ticks once a second, and a busy
 * page runs its timer late): an object made since the last tick reads `0s`, not kubectl's `<invalid>`, which
 * is for a clock really behind the cluster's.
 */
const CLOCK_SLACK_MS = 5_000

/** Age of an ISO timestamp at `now`; `<unknown>` for a missing or unparsable one, as kubectl prints. */
export function age(iso: string | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : NaN
  if (Number.isNaN(t)) return '<unknown>'
  const ms = now - t
  return humanDuration(ms < 0 && ms > -CLOCK_SLACK_MS ? 0 : ms)
}

/** kubectl's RESTARTS column: `0`, or `3 (2m ago)` when the last restart time is known. */
export function restarts(count: number, lastRestartAt: string | undefined, now: number): string {
  if (count === 0 || !lastRestartAt) return String(count)
  return `${count} (${age(lastRestartAt, now)} ago)`
}

export type Tone = 'ok' | 'warn' | 'err' | 'off'

const okWords = new Set(['Running', 'Active', 'Ready', 'Normal', 'Available', 'Bound', 'True'])
const offWords = new Set(['Completed', 'Succeeded', 'ScaledDown', 'Paused', 'SchedulingDisabled'])
const warnWords = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'Terminating',
  'Progressing',
  'Warning',
  'Unknown',
])

/** What a status word means, for its colour: healthy, on its way, broken, or simply finished. */
export function statusTone(status: string): Tone {
  const first = status.split(',')[0]!.trim()
  if (okWords.has(first)) return 'ok'
  if (offWords.has(first)) return 'off'
  if (warnWords.has(first) || first.startsWith('Init:') || first.startsWith('Signal:')) {
    return /Init:(CrashLoopBackOff|Error|ImagePullBackOff|ErrImagePull)/.test(first) ? 'err' : 'warn'
  }
  return 'err'
}
