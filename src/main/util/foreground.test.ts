import { afterEach, describe, expect, it, vi } from 'vitest'
import { createForeground } from './foreground'

afterEach(() => vi.useRealTimers())

/** Whether `p` has settled once the microtasks and fake timers due now have run. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false
  void p.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('foreground work', () => {
  it('is idle at once with nothing in flight; waits while work is, until the last of it ends', async () => {
    vi.useFakeTimers()
    const fg = createForeground(1000)
    const signal = new AbortController().signal
    expect(await settled(fg.whenIdle(signal, 5000))).toBe(true)
    const endA = fg.begin()
    const endB = fg.begin()
    expect(fg.busy()).toBe(true)
    const idle = fg.whenIdle(signal, 5000)
    expect(await settled(idle)).toBe(false)
    endA()
    endA() // ending twice does not end B
    expect(await settled(idle)).toBe(false)
    endB()
    expect(await settled(idle)).toBe(true)
    expect(fg.busy()).toBe(false)
  })

  it('stops counting work that began more than staleMs ago (a stream that sends nothing, a long call)', async () => {
    vi.useFakeTimers()
    const fg = createForeground(1000)
    fg.begin() // never ends
    const idle = fg.whenIdle(new AbortController().signal, 60_000)
    await vi.advanceTimersByTimeAsync(999)
    expect(await settled(idle)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(idle)).toBe(true)
    expect(fg.busy()).toBe(false)
  })

  it('never waits past maxWaitMs, even while new work keeps coming; an abort ends the wait', async () => {
    vi.useFakeTimers()
    const fg = createForeground(1000)
    fg.begin()
    const idle = fg.whenIdle(new AbortController().signal, 1500)
    for (let t = 0; t < 1400; t += 200) {
      fg.begin() // fresh work every 200 ms: never idle
      await vi.advanceTimersByTimeAsync(200)
      expect(await settled(idle)).toBe(false)
    }
    await vi.advanceTimersByTimeAsync(100)
    expect(await settled(idle)).toBe(true)
    expect(fg.busy()).toBe(true)

    const abort = new AbortController()
    const aborted = fg.whenIdle(abort.signal, 60_000)
    expect(await settled(aborted)).toBe(false)
    abort.abort()
    expect(await settled(aborted)).toBe(true)
  })
})

describe('a quiet gap', () => {
  it('waits quietMs after the last work ended, and starts over when more comes within it', async () => {
    vi.useFakeTimers()
    const fg = createForeground(60_000)
    const signal = new AbortController().signal
    expect(await settled(fg.whenIdle(signal, 60_000, 100))).toBe(true) // nothing ever ran
    fg.begin()()
    const idle = fg.whenIdle(signal, 60_000, 100)
    await vi.advanceTimersByTimeAsync(60)
    const end = fg.begin() // the next call of a burst
    await vi.advanceTimersByTimeAsync(60)
    end()
    await vi.advanceTimersByTimeAsync(99)
    expect(await settled(idle)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(idle)).toBe(true)
  })
})
