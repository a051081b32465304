import { describe, expect, it, vi } from 'vitest'
import type { Bridge, CallResult } from '@shared/contract'
import type { EarlyCall } from '../boot/early-request'
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

const early = (method: string, input: unknown, at = 0): EarlyCall => ({
  method,
  input,
  at,
  via: 'bridge',
  sent: Promise.resolve({ ok: true, value: 'early' }),
})

describe('the page bridge', () => {
  it("gives an early call's answer to the page's first matching call, once", async () => {
    const raw = fakeBridge()
    const page = createPageBridge(raw, [early('contexts.list', {})], () => 0)
    await expect(page.bridge.call('contexts.list', {})).resolves.toEqual({ ok: true, value: 'early' })
    expect(raw.calls).toEqual([])
    await expect(page.bridge.call('contexts.list', {})).resolves.toEqual({ ok: true, value: 1 })
  })

  it('asks afresh for another input, or when the early answer is older than the start', async () => {
    const raw = fakeBridge()
    let now = 0
    const page = createPageBridge(raw, [early('contexts.list', {}), early('system.info', {})], () => now)
    await page.bridge.call('contexts.list', { other: true })
    expect(raw.calls).toEqual(['contexts.list {"other":true}'])
    now = EARLY_ANSWER_MS + 1
    await expect(page.bridge.call('system.info', {})).resolves.toEqual({ ok: true, value: 2 })
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
