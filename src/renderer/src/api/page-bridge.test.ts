import { describe, expect, it, vi } from 'vitest'
import type { Bridge, CallResult } from '@shared/contract'
import { createPageBridge, EARLY_ANSWER_MS } from './page-bridge'

function fakeBridge(): Bridge & { calls: string[] } {
  const calls: string[] = []
  return {
    transport: 'electron',
    calls,
    call: (method, input) => {
      calls.push(`${method} ${JSON.stringify(input)}`)
      return Promise.resolve<CallResult<unknown>>({ ok: true, value: calls.length })
    },
    subscribe: vi.fn(() => () => {}),
  }
}

describe('the page bridge', () => {
  it("gives an early call's answer to the page's first matching call, once", async () => {
    const raw = fakeBridge()
    const page = createPageBridge(raw)
    page.early('contexts.list', {})
    expect(raw.calls).toEqual(['contexts.list {}'])
    await expect(page.bridge.call('contexts.list', {})).resolves.toEqual({ ok: true, value: 1 })
    expect(raw.calls).toHaveLength(1)
    await expect(page.bridge.call('contexts.list', {})).resolves.toEqual({ ok: true, value: 2 })
    expect(raw.calls).toHaveLength(2)
  })

  it('asks afresh for another input, or when the early answer is older than the start', async () => {
    const raw = fakeBridge()
    let now = 0
    const page = createPageBridge(raw, () => now)
    page.early('contexts.list', {})
    await page.bridge.call('contexts.list', { other: true })
    expect(raw.calls).toEqual(['contexts.list {}', 'contexts.list {"other":true}'])
    now = EARLY_ANSWER_MS + 1
    await page.bridge.call('contexts.list', {})
    expect(raw.calls).toHaveLength(3)
  })

  it('sends nothing early once the page has called for itself (its script ran first)', () => {
    const raw = fakeBridge()
    const page = createPageBridge(raw)
    void page.bridge.call('system.info', {})
    page.early('contexts.list', {})
    expect(raw.calls).toEqual(['system.info {}'])
  })

  it('passes streams through, and under Electron has no token', () => {
    const raw = fakeBridge()
    const page = createPageBridge(raw)
    const onEvent = (): void => {}
    const onEnd = (): void => {}
    page.bridge.subscribe('contexts.watch', {}, onEvent, onEnd)
    expect(raw.subscribe).toHaveBeenCalledWith('contexts.watch', {}, onEvent, onEnd)
    expect(page.token).toBeUndefined()
    expect(page.bridge.transport).toBe('electron')
  })
})
