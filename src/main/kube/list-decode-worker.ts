// Worker-thread entry (see list-decoder.ts): decodes LIST pages into rows off the main thread.
import { parentPort } from 'node:worker_threads'
import type { ResourceKind } from '@shared/rows'
import { decodeListRows, NotJson } from './list-decode'

export interface DecodeRequest {
  id: number
  body: Uint8Array
  kind: ResourceKind
}

export type DecodeReply =
  | { id: number; page: ReturnType<typeof decodeListRows> }
  | { id: number; error: string; notJson?: true }
  | { ready: true }

const port = parentPort
if (port) {
  port.on('message', ({ id, body, kind }: DecodeRequest) => {
    let reply: DecodeReply
    try {
      reply = { id, page: decodeListRows(body, kind) }
    } catch (err) {
      reply =
        err instanceof NotJson
          ? { id, error: 'not JSON', notJson: true }
          : { id, error: err instanceof Error ? err.message : String(err) }
    }
    port.postMessage(reply)
  })
  // Loaded (its imports resolved): from now on pages may be handed over for good.
  port.postMessage({ ready: true } satisfies DecodeReply)
}
