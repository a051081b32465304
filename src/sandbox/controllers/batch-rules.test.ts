import { describe, expect, it } from 'vitest'
import { piDigits, scriptOutput } from '../logs/script-output'
import type { Pod } from '../types'
import { cronScheduleError, nextScheduleAfter, timeZoneError } from './cron-schedule'
import { startDelayMs } from './container-state'
import { plannedExit } from './run-to-completion'

// The pure rules behind Jobs and CronJobs: schedules, time zones, simulated run times and outputs.
const at = (iso: string): number => Date.parse(iso)

function pod(restartPolicy: string, container: Record<string, unknown>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
    spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox', ...container }] },
    status: {},
  } as unknown as Pod
}

describe('cron schedules', () => {
  it('evaluates five fields in UTC or the given time zone, and descriptors', () => {
    expect(nextScheduleAfter('*/5 * * * *', undefined, at('2026-03-01T10:03:00Z'))).toBe(
      at('2026-03-01T10:05:00Z'),
    )
    expect(nextScheduleAfter('0 9 * * *', 'Asia/Tokyo', at('2026-03-01T10:00:00Z'))).toBe(
      at('2026-03-02T00:00:00Z'),
    )
    expect(nextScheduleAfter('@hourly', undefined, at('2026-03-01T10:03:00Z'))).toBe(
      at('2026-03-01T11:00:00Z'),
    )
    expect(nextScheduleAfter('@every 90s', undefined, at('2026-03-01T10:00:00Z'))).toBe(
      at('2026-03-01T10:01:30Z'),
    )
    // day-of-month and day-of-week are OR'ed when both are restricted (1 March 2026 is a Sunday)
    expect(nextScheduleAfter('0 0 15 * 1', undefined, at('2026-03-01T00:00:00Z'))).toBe(
      at('2026-03-02T00:00:00Z'),
    )
  })

  it('refuses what kube-apiserver refuses, in its words', () => {
    expect(cronScheduleError('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]')
    expect(cronScheduleError('TZ=UTC * * * * *')).toBe(
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    )
    expect(cronScheduleError('@fortnightly')).toBe('unrecognized descriptor: @fortnightly')
    expect(cronScheduleError('0 0 * * *')).toBeUndefined()
    expect(timeZoneError('Europe/Paris')).toBeUndefined()
    expect(timeZoneError('Mars/Olympus')).toBe('unknown time zone Mars/Olympus')
    expect(timeZoneError('Local')).toContain('timeZone must be an explicit time zone')
  })
})

describe('run-to-completion containers', () => {
  it('exit after their command’s run time with its exit code', () => {
    expect(
      plannedExit(pod('Never', { command: ['sleep', '30'] }), {
        name: 'c',
        image: 'busybox',
        command: ['sleep', '30'],
      }),
    ).toEqual({ afterMs: 30_000, exitCode: 0 })
    const failing = { name: 'c', image: 'busybox', command: ['sh', '-c', 'echo no; exit 4'] }
    expect(plannedExit(pod('OnFailure', failing), failing)?.exitCode).toBe(4)
    const meant = { name: 'c', image: 'example/job-fail:1' }
    expect(plannedExit(pod('Never', meant), meant)?.exitCode).toBe(1)
    const failover = { name: 'c', image: 'example/failover-check:1', command: ['check'] }
    expect(plannedExit(pod('Never', failover), failover)?.exitCode).toBe(0)
  })

  it('with no sleep, exit within 5.5 s of their pod’s start second, whatever the pod is named', () => {
    // Tests that step a manual clock rely on this bound (kubectl-batch.test.ts steps 6 s, not 5).
    const c = { name: 'main', image: 'busybox', command: ['sh', '-c', 'echo boom; exit 3'] }
    const runs = Array.from({ length: 2000 }, (_, i) => {
      const p = pod('Never', c)
      p.metadata.name = `flaky-${i.toString(36).padStart(5, '0')}`
      return startDelayMs(p.metadata.name) + (plannedExit(p, c)?.afterMs ?? Infinity)
    })
    expect(Math.max(...runs)).toBeLessThan(5500)
    expect(Math.max(...runs)).toBeGreaterThan(5000)
    expect(Math.min(...runs)).toBeGreaterThanOrEqual(3000)
  })

  it('keep running when they serve, wait forever or are interactive, or restart always', () => {
    const nginx = { name: 'c', image: 'nginx:1.27' }
    expect(plannedExit(pod('Never', nginx), nginx)).toBeUndefined()
    const forever = { name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }
    expect(plannedExit(pod('Never', forever), forever)).toBeUndefined()
    const shell = { name: 'c', image: 'busybox', stdin: true }
    expect(plannedExit(pod('Never', shell), shell)).toBeUndefined()
    const deployment = { name: 'c', image: 'busybox', command: ['sleep', '5'] }
    expect(plannedExit(pod('Always', deployment), deployment)).toBeUndefined()
  })

  it('print what their command prints', () => {
    expect(
      scriptOutput(
        { name: 'c', image: 'busybox', command: ['sh', '-c', 'echo "hello world"; sleep 1; echo done'] },
        0,
      ),
    ).toEqual([
      { offsetMs: 0, text: 'hello world' },
      { offsetMs: 1000, text: 'done' },
    ])
    expect(
      scriptOutput({ name: 'c', image: 'busybox', command: ['date'] }, at('2026-11-30T16:21:45Z')),
    ).toEqual([{ offsetMs: 0, text: 'Mon Nov 30 16:21:45 UTC 2026' }])
    expect(piDigits(10)).toBe('3.141592653')
    expect(piDigits(2000)).toMatch(/^3\.14159265358979323846\d{1979}$/)
  })
})
