import { contextBridge, ipcRenderer } from 'electron'
import type { ApiErrorBody, Bridge, CallResult } from '@shared/contract'

// Channel names repeated from src/main/transport/ipc.ts: a sandboxed preload cannot import main-process code.
const CALL = 'api:call'
const SUBSCRIBE = 'api:subscribe'
const UNSUBSCRIBE = 'api:unsubscribe'
const EVENT = 'api:event'
const END = 'api:end'

type Listener = { onEvent: (event: unknown) => void; onEnd: (error?: ApiErrorBody) => void }
const listeners = new Map<string, Listener>()
let next = 0

ipcRenderer.on(EVENT, (_e, id: string, event: unknown) => listeners.get(id)?.onEvent(event))
ipcRenderer.on(END, (_e, id: string, error?: ApiErrorBody) => {
  const l = listeners.get(id)
  listeners.delete(id)
  l?.onEnd(error)
})

/** Exactly the contract's client; raw ipcRenderer never reaches the page. */
const bridge: Bridge = {
  transport: 'electron',
  call: (method, input) => ipcRenderer.invoke(CALL, method, input) as Promise<CallResult<unknown>>,
  subscribe(stream, input, onEvent, onEnd) {
    const id = `s${++next}`
    listeners.set(id, { onEvent, onEnd })
    ipcRenderer.send(SUBSCRIBE, id, stream, input)
    return () => {
      if (listeners.delete(id)) ipcRenderer.send(UNSUBSCRIBE, id)
    }
  },
}

contextBridge.exposeInMainWorld('bridge', bridge)
