import { Cron } from 'croner'

// CronJob schedules as kube-controller-manager reads them (robfig/cron's standard parser): five fields or a
// descriptor (@hourly, @daily, @every 1h30m, ...), day-of-month and day-of-week OR'ed, evaluated in
// spec.timeZone or, without one, in the controller manager's zone (UTC, as in kind's containers).
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'])
const GO_DURATION = /^(?:(\d+(?:\.\d+)?)(h|m|s|ms))+$/

function everyMs(spec: string): number | undefined {
  const text = spec.slice('@every '.length).trim()
  if (!GO_DURATION.test(text)) return undefined
  let ms = 0
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }
  for (const [, n, u] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(n) * (unit[u ?? 's'] ?? 0)
  return ms >= 1000 ? ms : undefined
}

/** Why a schedule is refused (robfig/cron's and the apiserver's words), or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  if (/(^|\s)(CRON_)?TZ=/.test(schedule))
    return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'
  const s = schedule.trim()
  if (s.startsWith('@every ')) return everyMs(s) ? undefined : `failed to parse duration ${s}`
  if (s.startsWith('@')) return DESCRIPTORS.has(s) ? undefined : `unrecognized descriptor: ${s}`
  const fields = s.split(/\s+/)
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`
  try {
    new Cron(s, { paused: true })
    return undefined
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^CronPattern: /, '') : String(err)
  }
}

export function timeZoneError(tz: string): string | undefined {
  if (tz.toLowerCase() === 'local')
    return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return undefined
  } catch {
    return `unknown time zone ${tz}`
  }
}

/** The first scheduled time strictly after `afterMs`, or undefined if the schedule never fires. */
export function nextScheduleAfter(
  schedule: string,
  timeZone: string | undefined,
  afterMs: number,
): number | undefined {
  const s = schedule.trim()
  if (s.startsWith('@every ')) {
    const every = everyMs(s)
    // robfig's ConstantDelaySchedule: whole seconds after the previous time
    return every ? Math.floor(afterMs / 1000) * 1000 + every : undefined
  }
  const cron = new Cron(s, { paused: true, timezone: timeZone ?? 'Etc/UTC' })
  return cron.nextRun(new Date(afterMs))?.getTime()
}
