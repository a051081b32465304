import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { Dispatcher } from './dispatch'

/** IPC channel names; the preload uses the same strings. */
export const channels = {
  call: 'api:call',
  subscribe: 'api:subscribe',
  unsubscribe: 'api:unsubscribe',
  event: 'api:event',
  end: 'api:end',
} as const

/**
 * Binds the dispatcher to ipcMain. Only the app's own top frame may call (`isAppUrl`); each window's
 * subscriptions end when it is destroyed.
 */
export function bindIpc(dispatcher: Dispatcher, isAppUrl: (url: string) => boolean): () => void {
  const perWindow = new Map<WebContents, Map<string, () => void>>()

  const trusted = (e: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = e.senderFrame
    return !!frame && frame === e.sender.mainFrame && isAppUrl(frame.url)
  }

  ipcMain.handle(channels.call, async (e, method: unknown, input: unknown) => {
    if (!trusted(e))
      return {
        ok: false,
        error: { code: 'Forbidden', message: 'Calls are accepted only from Skiff’s own window.' },
      }
    return dispatcher.call(typeof method === 'string' ? method : '', input)
  })

  ipcMain.on(channels.subscribe, (e, id: unknown, stream: unknown, input: unknown) => {
    if (typeof id !== 'string' || id.length > 100) return
    const wc = e.sender
    if (!trusted(e)) {
      wc.send(channels.end, id, {
        code: 'Forbidden',
        message: 'Streams are accepted only from Skiff’s own window.',
      })
      return
    }
    let subs = perWindow.get(wc)
    if (!subs) {
      const created = new Map<string, () => void>()
      subs = created
      perWindow.set(wc, created)
      wc.once('destroyed', () => {
        for (const stop of created.values()) stop()
        perWindow.delete(wc)
      })
    }
    if (subs.has(id)) return
    const own = subs
    const stop = dispatcher.subscribe(
      typeof stream === 'string' ? stream : '',
      input,
      (event) => {
        if (!wc.isDestroyed()) wc.send(channels.event, id, event)
      },
      (error) => {
        own.delete(id)
        if (!wc.isDestroyed()) wc.send(channels.end, id, error)
      },
    )
    own.set(id, stop)
  })

  ipcMain.on(channels.unsubscribe, (e, id: unknown) => {
    if (typeof id !== 'string') return
    perWindow.get(e.sender)?.get(id)?.()
  })

  return () => {
    for (const subs of perWindow.values()) for (const stop of subs.values()) stop()
    perWindow.clear()
    ipcMain.removeHandler(channels.call)
    ipcMain.removeAllListeners(channels.subscribe)
    ipcMain.removeAllListeners(channels.unsubscribe)
  }
}
