import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcMain, resetElectronStub, StubWebContents } from '../../../test/support/electron-stub'
import type { Dispatcher } from './dispatch'
import { bindIpc, channels } from './ipc'

vi.mock('electron', () => import('../../../test/support/electron-stub'))

const APP = 'file:///opt/skiff/out/renderer/index.html'

function dispatcher(): Dispatcher & { calls: string[]; stops: number } {
  const d = {
    calls: [] as string[],
    stops: 0,
    call: async (method: string) => {
      d.calls.push(method)
      return { ok: true as const, value: 'done' }
    },
    subscribe: (stream: string) => {
      d.calls.push(stream)
      return () => void d.stops++
    },
    activeSubscriptions: () => 0,
  }
  return d
}

/** A window's contents whose top frame shows `url`; `subframe` makes the sender an iframe inside it. */
function sender(url: string, subframe = false): { sender: StubWebContents; senderFrame: { url: string } } {
  const wc = new StubWebContents()
  wc.mainFrame.url = url
  return { sender: wc, senderFrame: subframe ? { url } : wc.mainFrame }
}

const invoke = (e: object, ...args: unknown[]): Promise<unknown> => {
  const handler = ipcMain.handlers.get(channels.call) as ((...a: unknown[]) => Promise<unknown>) | undefined
  if (!handler) throw new Error('api:call is not bound')
  return handler(e, ...args)
}

beforeEach(() => resetElectronStub())

describe('IPC binding: only the app’s own top frame may call', () => {
  it('passes calls from the app page to the dispatcher', async () => {
    const d = dispatcher()
    bindIpc(d, (url) => url === APP)
    expect(await invoke(sender(APP), 'system.info', {})).toEqual({ ok: true, value: 'done' })
    expect(d.calls).toEqual(['system.info'])
  })

  it('refuses calls from another page or from a frame inside the app', async () => {
    const d = dispatcher()
    bindIpc(d, (url) => url === APP)
    for (const e of [sender('https://evil.example/'), sender(APP, true)]) {
      expect(await invoke(e, 'contexts.delete', { name: 'prod' })).toMatchObject({
        ok: false,
        error: { code: 'Forbidden' },
      })
    }
    expect(d.calls).toEqual([])
  })

  it('ends an untrusted subscription at once, and a window’s streams when it is destroyed', () => {
    const d = dispatcher()
    bindIpc(d, (url) => url === APP)
    const evil = sender('https://evil.example/')
    ipcMain.emit(channels.subscribe, evil, 's1', 'resources.watch', {})
    expect(evil.sender.sent).toEqual([[channels.end, 's1', expect.objectContaining({ code: 'Forbidden' })]])
    const own = sender(APP)
    ipcMain.emit(channels.subscribe, own, 's2', 'resources.watch', {})
    expect(d.calls).toEqual(['resources.watch'])
    own.sender.emit('destroyed')
    expect(d.stops).toBe(1)
  })

  it('unbinding removes every channel and stops live streams', () => {
    const d = dispatcher()
    const unbind = bindIpc(d, (url) => url === APP)
    ipcMain.emit(channels.subscribe, sender(APP), 's1', 'jobs.watch', { id: 'j' })
    unbind()
    expect(d.stops).toBe(1)
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.listenerCount(channels.subscribe)).toBe(0)
  })
})
