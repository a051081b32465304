import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher } from '../../src/main/transport/dispatch'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import type { RecordingHandlers } from './recording-handlers'

// The web-mode hardening tests all serve a one-line page over recording handlers: one place sets that up.

/** A fresh temporary folder holding a minimal index.html, named after the test that uses it. */
export function staticPageDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `skiff-${label}-`))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Skiff</title>')
  return dir
}

/** Web mode over `rec`'s handlers (through the real dispatcher), serving `dir`. */
export function startRecordingWeb(rec: RecordingHandlers, dir: string): Promise<WebServer> {
  return startWebServer({ dispatcher: createDispatcher(rec.handlers, rec.streamHandlers), staticDir: dir })
}

/** Closes the server, then removes its folder. */
export async function stopRecordingWeb(web: WebServer, dir: string): Promise<void> {
  await web.close()
  rmSync(dir, { recursive: true, force: true })
}
