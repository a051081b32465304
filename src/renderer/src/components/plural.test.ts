import { describe, expect, it } from 'vitest'
import { plural, thousands } from './plural'

describe('counts in words', () => {
  it('groups thousands as English does, as toLocaleString("en") would', () => {
    for (const n of [0, 7, 999, 1000, 10_000, 123_456, 1_000_000, 98_765_432, -1234, 1234.5])
      expect(thousands(n)).toBe(n.toLocaleString('en', { maximumFractionDigits: 20 }))
  })

  it('puts the noun in the right number', () => {
    expect(plural(1, 'line')).toBe('1 line')
    expect(plural(2, 'line')).toBe('2 lines')
  })
})
