import { createDispatcher } from '../../src/main/transport/dispatch'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import type { RecordingHandlers } from './recording-handlers'

// The web-mode hardening tests all serve a one-line page (test/support/web-page.ts) over recording handlers.

/** Web mode over `rec`'s handlers (through the real dispatcher), serving `dir`. */
export function startRecordingWeb(rec: RecordingHandlers, dir: string): Promise<WebServer> {
  return startWebServer({ dispatcher: createDispatcher(rec.handlers, rec.streamHandlers), staticDir: dir })
}
