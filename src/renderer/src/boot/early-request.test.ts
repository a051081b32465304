import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Bridge, CallResult } from '@shared/contract'
import { takeWebToken } from '../api/web-token'
import { createHttpBridge, type ReadAnswer } from '../api/http-bridge'
import { createPageBridge } from '../api/page-bridge'
import { earlyToken, sendEarly } from './early-request'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Just enough of a window for sendEarly. */
function fakeWindow(hash: string, stored?: string, bridge?: Bridge): Window {
  return {
    location: { hash },
    sessionStorage: { getItem: () => stored ?? null },
    fetch: vi.fn(() => Promise.resolve(new Response('{"ok":true,"value":"early"}'))),
    ...(bridge ? { bridge } : {}),
  } as unknown as Window
}

describe('the early request', () => {
  it('reads the token as the app does, without touching the address', () => {
    const hashes = [
      '#token=abc-DEF_1',
      '#token=abc#contexts',
      '#token=abc&terminal=t1',
      '#contexts',
      '',
      '#token=',
    ]
    for (const hash of hashes)
      for (const stored of [undefined, 'kept'])
        expect(earlyToken(hash, { getItem: () => stored ?? null })).toBe(
          takeWebToken({
            location: { hash, pathname: '/', search: '' },
            storage: { getItem: () => stored ?? null, setItem: () => {} },
          }),
        )
  })

  it('sends the call the web bridge would, and the bridge answers it once as its own', async () => {
    const win = fakeWindow('#token=t0k#workloads')
    sendEarly(win, 'contexts.list', {})
    expect(win.fetch).toHaveBeenCalledWith('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0k' },
      credentials: 'omit',
      body: JSON.stringify({ method: 'contexts.list', input: {} }),
    })
    // The web bridge makes its own calls the same way, and reads an early one's answer as its own.
    const own = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(new Response('{"ok":true,"value":"own"}')),
    )
    vi.stubGlobal('fetch', own)
    const http = createHttpBridge('t0k')
    await expect(http.call('contexts.list', {})).resolves.toEqual({ ok: true, value: 'own' })
    expect(own.mock.calls[0]).toEqual((win.fetch as ReturnType<typeof vi.fn>).mock.calls[0])
    await expect(http.answer(win.skiffEarly![0]!.sent as Promise<ReadAnswer>)).resolves.toEqual({
      ok: true,
      value: 'early',
    })
  })

  it('an answer already read is taken with promise callbacks only, before the next task (React’s render)', async () => {
    const read = Promise.resolve({ status: 200, body: '{"ok":true,"value":"early"}' })
    await read
    let settled = false
    let atNextTask: boolean | undefined
    setTimeout(() => (atNextTask = settled), 0)
    void createHttpBridge('t0k')
      .answer(read)
      .then(() => (settled = true))
    await vi.waitFor(() => expect(atNextTask).toBeDefined())
    expect(atNextTask).toBe(true)
  })

  it('an early call the backend refused or never answered reads as the app’s own would', async () => {
    const refused = Promise.resolve({ status: 401, body: 'no' })
    const down = Promise.reject(new Error('down'))
    down.catch(() => {})
    let refusals = 0
    const http = createHttpBridge('t0k', { onRefused: () => refusals++ })
    await expect(http.answer(refused)).resolves.toMatchObject({
      ok: false,
      error: { code: 'Unauthorized' },
    })
    expect(refusals).toBe(1)
    await expect(http.answer(down)).resolves.toMatchObject({
      ok: false,
      error: { code: 'Unavailable' },
    })
  })

  it("under Electron goes through the preload's bridge; without a token sends nothing", async () => {
    const call = vi.fn(() => Promise.resolve<CallResult<unknown>>({ ok: true, value: 'ipc' }))
    const bridge: Bridge = { transport: 'electron', call, subscribe: () => () => {} }
    const win = fakeWindow('', undefined, bridge)
    sendEarly(win, 'contexts.list', {})
    expect(call).toHaveBeenCalledWith('contexts.list', {})
    expect(win.fetch).not.toHaveBeenCalled()
    await expect(createPageBridge(bridge, win.skiffEarly).bridge.call('contexts.list', {})).resolves.toEqual({
      ok: true,
      value: 'ipc',
    })
    expect(call).toHaveBeenCalledTimes(1)

    const bare = fakeWindow('#contexts')
    sendEarly(bare, 'contexts.list', {})
    expect(bare.fetch).not.toHaveBeenCalled()
    expect(bare.skiffEarly).toEqual([])
  })
})
