import { describe, expect, it } from 'vitest'
import { age, humanDuration, restarts, statusTone } from './format'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

describe('humanDuration (kubectl HumanDuration)', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [-1 * s + 1, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 12 * s, '3m12s'],
    [10 * m, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [12 * h, '12h'],
    [47 * h, '47h'],
    [3 * d + 4 * h, '3d4h'],
    [7 * d, '7d'],
    [40 * d, '40d'],
    [2 * 365 * d + 15 * d, '2y15d'],
    [9 * 365 * d, '9y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })
})

describe('age and restarts', () => {
  const now = Date.parse('2026-11-25T12:10:00Z')
  it('formats ages from ISO times and says <unknown> for none', () => {
    expect(age('2026-11-25T12:00:00Z', now)).toBe('10m')
    expect(age(undefined, now)).toBe('<unknown>')
    // Made since the window's clock last ticked: the clock is behind, not the cluster.
    expect(age('2026-11-25T12:10:02Z', now)).toBe('0s')
    expect(age('2026-11-25T12:11:00Z', now)).toBe('<invalid>')
    expect(age('not a date', now)).toBe('<unknown>')
  })
  it('formats restarts as kubectl does', () => {
    expect(restarts(0, undefined, now)).toBe('0')
    expect(restarts(3, '2026-11-25T12:08:00Z', now)).toBe('3 (2m ago)')
    expect(restarts(1, '2026-11-25T12:09:15Z', now)).toBe('1 (45s ago)')
    expect(restarts(4, undefined, now)).toBe('4')
  })
})

describe('statusTone', () => {
  it.each([
    ['Running', 'ok'],
    ['Completed', 'off'],
    ['Pending', 'warn'],
    ['ContainerCreating', 'warn'],
    ['Terminating', 'warn'],
    ['Init:0/1', 'warn'],
    ['Init:CrashLoopBackOff', 'err'],
    ['CrashLoopBackOff', 'err'],
    ['ImagePullBackOff', 'err'],
    ['Ready,SchedulingDisabled', 'ok'],
    ['NotReady', 'err'],
    ['Error', 'err'],
  ])('%s is %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone)
  })
})
