import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { gcActivity, stopGcActivity } from './gc-activity'

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc')
const fullGc = runInNewContext('gc') as () => void

afterEach(() => stopGcActivity())

describe('gcActivity', () => {
  it('counts nothing before it is first asked, then each full collection, and how long it has been quiet', async () => {
    fullGc()
    await new Promise((r) => setImmediate(r))
    const first = gcActivity()
    expect(first).toMatchObject({ count: 0, major: 0, pauseMs: 0 })
    expect(first.quietMs).toBeGreaterThanOrEqual(0)

    fullGc()
    // The entry is delivered a moment after the collection.
    await expect.poll(() => gcActivity().major).toBeGreaterThanOrEqual(1)
    const after = gcActivity()
    expect(after.count).toBeGreaterThanOrEqual(1)
    expect(after.pauseMs).toBeGreaterThan(0)
    // Quiet is measured from the collection's end, so it grows while nothing is collected.
    const quiet = after.quietMs
    await expect.poll(() => gcActivity().quietMs).toBeGreaterThan(quiet)
  })

  it('starts again from nothing once stopped', async () => {
    gcActivity()
    fullGc()
    await expect.poll(() => gcActivity().major).toBeGreaterThanOrEqual(1)
    stopGcActivity()
    expect(gcActivity()).toMatchObject({ count: 0, major: 0 })
  })
})
