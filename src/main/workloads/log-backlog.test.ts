import { describe, expect, it } from 'vitest'
import { afterBacklog, mergeBacklogs, splitStamp } from './log-backlog'

const s = splitStamp

describe('deployment log backlog', () => {
  it('splits the API timestamp from the text, and leaves lines without one whole', () => {
    expect(s('2026-01-01T10:00:00.5Z hello world')).toEqual({
      ts: '2026-01-01T10:00:00.5Z',
      text: 'hello world',
    })
    expect(s('[skiff] could not read')).toEqual({ ts: '', text: '[skiff] could not read' })
  })

  it('merges pods by time, not pod by pod (trimmed fractions compare as numbers)', () => {
    const merged = mergeBacklogs([
      { pod: 'a', lines: [s('2026-01-01T10:00:00.1Z a1'), s('2026-01-01T10:00:02Z a2')] },
      { pod: 'b', lines: [s('2026-01-01T10:00:00.05Z b1'), s('2026-01-01T10:00:00.123Z b2')] },
    ])
    expect(merged.map((m) => m.line.text)).toEqual(['b1', 'a1', 'b2', 'a2'])
  })

  it('skips what a follow from the last second repeats, then lets everything through', () => {
    const keep = afterBacklog([s('2026-01-01T10:00:01.2Z x'), s('2026-01-01T10:00:01.7Z y')])
    const followed = [
      '2026-01-01T10:00:01.2Z x',
      '2026-01-01T10:00:01.7Z y',
      '2026-01-01T10:00:01.9Z new',
      '2026-01-01T10:00:01.2Z late-but-new',
    ].map(s)
    expect(followed.filter(keep).map((l) => l.text)).toEqual(['new', 'late-but-new'])
    expect(afterBacklog([])(s('2026-01-01T10:00:00Z any'))).toBe(true)
  })
})
