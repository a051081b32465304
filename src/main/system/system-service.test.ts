import { describe, expect, it } from 'vitest'
import { fakesPath } from '../../../test/fakes/path'
import { createSystemService } from './system-service'

// Issue #21 item 6: 200 open `system.tools` streams each ran their own detection (5 tools × 200 processes)
// and starved every call for seconds. They now share one.
describe('system.tools under many subscribers', () => {
  it('200 streams and a system.info share one detection', async () => {
    let runs = 0
    const service = createSystemService({
      run: async () => {
        runs++
        await new Promise((r) => setImmediate(r))
        return 'Client Version: v1.33.1\nkind v0.27.0 go1.23\nminikube version: v1.35.0\nDocker version 27.0.1'
      },
      appVersion: '0.0.0',
      transport: 'cli',
      path: () => `${fakesPath()}:/usr/bin`,
    })
    const abort = new AbortController()
    const firsts = await Promise.all(
      Array.from({ length: 200 }, () => service.watchTools(10_000, abort.signal).next()),
    )
    const info = await service.info()
    abort.abort()
    expect(firsts.every((f) => !f.done && f.value.length === 5)).toBe(true)
    expect(info.tools).toEqual(firsts[0]!.value)
    const found = info.tools.filter((t) => t.found).length
    expect(found).toBeGreaterThan(0)
    // One version probe per tool found, for all 201 callers together.
    expect(runs).toBe(found)
  })
})
