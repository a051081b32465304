import { describe, expect, it } from 'vitest'
import { profileWindows, type CpuProfile } from './profile-windows'

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 })

// Samples at 1, 2, 3 ms (render), 4, 5 (idle), then 45 ms (parse, after a 40 ms gap: the process did not run)
// and 65 ms (parse, after a 20 ms gap), counted from 1,000,000 µs.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('render', 'http://127.0.0.1:1/assets/index-BLrLIGXU.js') },
    { id: 4, callFrame: frame('parse', 'file:///src/main/kube/list-decode.ts') },
  ],
  startTime: 1_000_000,
  samples: [3, 3, 3, 2, 2, 4, 4],
  timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000, 40_000, 20_000],
}

describe('a CPU profile read as a timeline', () => {
  it('sums self time per window, names scripts without their hash, and shows gaps apart', () => {
    const lines = profileWindows(profile, 1_000_000, 1_000).split('\n').slice(1)
    // A sample owns the time since the previous one, up to 5 ms; the rest of a gap was not running.
    expect(lines).toEqual([
      '     0    8: (descheduled) 35, parse list-decode.ts 5, render index 3',
      '    50    5: (descheduled) 15, parse list-decode.ts 5',
    ])
  })
})
