import { describe, expect, it } from 'vitest'
import { matchScore, rankEntries } from './match'
import type { PaletteEntry } from './types'

const entry = (id: string, group: string, title: string, detail?: string): PaletteEntry => ({
  id,
  group,
  title,
  ...(detail ? { detail } : {}),
  run: () => {},
})

describe('matchScore', () => {
  it('prefers a prefix, then a word start, then a substring, then letters in order', () => {
    expect(matchScore('workloads', 'work')).toBe(4)
    expect(matchScore('kind-dev', 'dev')).toBe(3)
    expect(matchScore('sandbox', 'ndb')).toBe(2)
    expect(matchScore('workloads', 'wkl')).toBe(1)
    expect(matchScore('workloads', 'xyz')).toBe(0)
  })
})

describe('rankEntries', () => {
  const entries = [
    entry('view:workloads', 'Go to', 'Workloads'),
    entry('context:beta', 'Switch context', 'beta', 'https://127.0.0.1:7443'),
    entry('object:pods/demo/beta-1', 'Objects', 'beta-1', 'pod in demo'),
    entry('context:alphabet', 'Switch context', 'alphabet'),
  ]

  it('puts the best title match first and keeps provider order among equals', () => {
    expect(rankEntries(entries, 'bet').map((e) => e.id)).toEqual([
      'context:beta',
      'object:pods/demo/beta-1',
      'context:alphabet',
    ])
  })

  it('finds entries by their group or detail words, and lists everything for an empty query', () => {
    expect(rankEntries(entries, 'switch').map((e) => e.id)).toEqual(['context:beta', 'context:alphabet'])
    expect(rankEntries(entries, 'demo').map((e) => e.id)).toEqual(['object:pods/demo/beta-1'])
    expect(rankEntries(entries, '')).toHaveLength(4)
    expect(rankEntries(entries, '', 2)).toHaveLength(2)
  })
})
