import { describe, expect, it } from 'vitest'
import type { JobInfo } from '@shared/contract'
import { plural } from '../components/plural'
import { shownJobs } from './useJobs'

const job = (id: string, status: JobInfo['status'], endedAt?: number): JobInfo => ({
  id,
  action: 'create',
  provider: 'sandbox',
  name: id,
  status,
  startedAt: 0,
  ...(endedAt !== undefined ? { endedAt } : {}),
  commands: [],
})

describe('job cards', () => {
  const now = 1_000_000_000
  it('show jobs started here, then running or recent ones the backend knows, less dismissed ones', () => {
    const started = [job('a', 'running')]
    const known = [
      job('a', 'running'),
      job('b', 'succeeded', now - 1000),
      job('old', 'failed', now - 700_000),
    ]
    expect(shownJobs(started, known, new Set(), now).map((j) => j.id)).toEqual(['a', 'b'])
    expect(shownJobs(started, known, new Set(['b']), now).map((j) => j.id)).toEqual(['a'])
  })

  it('count output lines in words people read', () => {
    expect(plural(1, 'line')).toBe('1 line')
    expect(plural(0, 'line')).toBe('0 lines')
    expect(plural(12, 'line')).toBe('12 lines')
  })
})
