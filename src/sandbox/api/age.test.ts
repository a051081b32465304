import { describe, expect, it } from 'vitest'
import { humanDuration } from './age'

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [5, '5s'],
    [119, '119s'],
    [125, '2m5s'],
    [600, '10m'],
    [3 * 3600 + 60, '3h1m'],
    [9 * 3600, '9h'],
    [3 * 86400 + 3600, '3d1h'],
    [30 * 86400, '30d'],
    [800 * 86400, '2y70d'],
  ])('%i seconds → %s', (seconds, text) => {
    expect(humanDuration(seconds * 1000)).toBe(text)
  })
})
