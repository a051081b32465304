import { describe, expect, it } from 'vitest'
import { LogStore, stripAnsi } from './log-store'
import { podColor, podPalette } from './pod-colors'
import { cpuMs } from '../../../../test/renderer/cpu-time'

function syncStore(cap?: number): { store: LogStore; notified: () => number } {
  let n = 0
  const store = new LogStore(cap, (fn) => fn())
  store.subscribe(() => n++)
  return { store, notified: () => n }
}

describe('LogStore', () => {
  it('appends batches and bumps the version once per batch', () => {
    const { store, notified } = syncStore()
    store.append(['a', 'b'])
    store.append(['c'])
    expect(store.length).toBe(3)
    expect([0, 1, 2].map((i) => store.line(i))).toEqual(['a', 'b', 'c'])
    expect(store.version).toBe(2)
    expect(notified()).toBe(2)
  })

  it('coalesces notifications until the scheduled frame runs', () => {
    const frames: (() => void)[] = []
    const store = new LogStore(100, (fn) => frames.push(fn))
    let n = 0
    store.subscribe(() => n++)
    for (let i = 0; i < 50; i++) store.append([`l${i}`])
    expect(frames).toHaveLength(1)
    frames[0]?.()
    expect(n).toBe(1)
  })

  it('never shows more than the cap and counts what it dropped', () => {
    const { store } = syncStore(1000)
    for (let i = 0; i < 25; i++) store.append(Array.from({ length: 100 }, (_, j) => `line ${i * 100 + j}`))
    expect(store.length).toBe(1000)
    expect(store.dropped).toBe(1500)
    expect(store.line(0)).toBe('line 1500')
    expect(store.line(999)).toBe('line 2499')
  })

  it('finds every line across chunk boundaries, big batches and empty lines, as the cap moves', () => {
    const { store } = syncStore(20_000)
    const all: string[] = []
    for (let b = 0; b < 9; b++) {
      const batch = Array.from({ length: 3001 + b * 500 }, (_, j) => (j % 7 === 0 ? '' : `b${b} l${j}`))
      all.push(...batch)
      store.append(batch)
      const shown = all.slice(-20_000)
      expect(store.length).toBe(shown.length)
      expect(store.dropped).toBe(all.length - shown.length)
      for (const i of [0, 1, 4095, 4096, 4097, shown.length - 1].filter((i) => i < shown.length))
        expect(store.line(i)).toBe(shown[i])
    }
    expect(store.search('b8 l4096')).toEqual([store.length - (3001 + 8 * 500) + 4096])
    expect(store.toText()).toBe(all.slice(-20_000).join('\n') + '\n')
  })

  it('joins small batches into larger chunks without moving a line, a match or a pod tag', () => {
    const { store } = syncStore(6_000)
    const all: { line: string; pod: string }[] = []
    // Batches of 1 to 999 lines, mostly one pod, sometimes another one between: runs join only within a pod.
    for (let b = 0; b < 60; b++) {
      const pod = b % 13 === 12 ? 'web-b' : 'web-a'
      const batch = Array.from({ length: (b * 337) % 1000 || 1 }, (_, j) =>
        j % 5 === 0 ? '' : `b${b} l${j}`,
      )
      all.push(...batch.map((line) => ({ line, pod })))
      store.append(batch, pod)
    }
    const shown = all.slice(-6_000)
    expect(store.length).toBe(shown.length)
    for (let i = 0; i < shown.length; i++) {
      expect(store.line(i)).toBe(shown[i]?.line)
      expect(store.source(i)).toBe(shown[i]?.pod)
    }
    const matches = (q: string): number[] => shown.flatMap((x, i) => (x.line.includes(q) ? [i] : []))
    for (const q of ['b59 l1', 'b50 l21', 'l3']) expect(store.search(q)).toEqual(matches(q))
    expect(store.toText()).toBe(shown.map((x) => `[${x.pod}] ${x.line}`).join('\n') + '\n')
  })

  it('searches case-insensitively past ANSI codes, within the shown lines', () => {
    const { store } = syncStore(3)
    store.append(['Error one', 'fine', '\u001b[31mERR\u001b[0mOR two', 'error three'])
    expect(store.search('error')).toEqual([1, 2])
    expect(store.search('')).toEqual([])
  })

  it('keeps the pod of each line and downloads what is shown without colour codes', () => {
    const { store } = syncStore()
    store.append(['\u001b[32mhello\u001b[0m'], 'web-1')
    store.append(['bye'], 'web-2')
    expect(store.source(0)).toBe('web-1')
    expect(store.source(1)).toBe('web-2')
    expect(store.toText()).toBe('[web-1] hello\n[web-2] bye\n')
    expect(stripAnsi('\u001b[1;31mx\u001b[0m')).toBe('x')
  })

  it('takes 50,000 lines a second in batches cheaply', () => {
    const { store } = syncStore()
    const batch = Array.from({ length: 2500 }, (_, i) => `10.0.0.${i % 255} GET /api/items 200 ${i}`)
    // CPU time, not wall time: on a loaded box other processes' work would count against ours.
    const t0 = cpuMs()
    for (let i = 0; i < 400; i++) store.append(batch) // 20 s of 50,000 lines/s
    const ms = cpuMs() - t0
    expect(store.length).toBe(1_000_000)
    expect(ms).toBeLessThan(2000)
    const s0 = cpuMs()
    expect(store.search('items 200 2499')).toHaveLength(400)
    expect(cpuMs() - s0).toBeLessThan(3000)
  })
})

describe('stepMatch', () => {
  it('moves from the current line to the next or previous match, wrapping around', async () => {
    const { stepMatch } = await import('./search')
    expect(stepMatch([], undefined, 1)).toBe(-1)
    expect(stepMatch([3, 7, 9], undefined, 1)).toBe(0)
    expect(stepMatch([3, 7, 9], undefined, -1)).toBe(2)
    expect(stepMatch([3, 7, 9], 7, 1)).toBe(2)
    expect(stepMatch([3, 7, 9], 9, 1)).toBe(0)
    expect(stepMatch([3, 7, 9], 7, -1)).toBe(0)
    expect(stepMatch([3, 7, 9], 3, -1)).toBe(2)
  })
})

describe('pod colours in merged logs', () => {
  it('gives pods numbers in order of first sight, so two pods of a deployment get different palette colours', () => {
    const { store } = syncStore()
    // Names that differ in one character used to hash to near-identical hues.
    store.append(['a'], 'web-7d4b9c6f5-abcde')
    store.append(['b'], 'web-7d4b9c6f5-abcdf')
    expect(store.sourceNumber('web-7d4b9c6f5-abcde')).toBe(0)
    expect(store.sourceNumber('web-7d4b9c6f5-abcdf')).toBe(1)
    expect(podColor(0)).not.toBe(podColor(1))
    expect(new Set(podPalette).size).toBe(podPalette.length)
  })
})
