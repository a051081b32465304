import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WebServer } from '../../src/main/web/server'

// Web-mode tests serve a one-line page from a temporary folder instead of the built renderer.

/** A fresh temporary folder holding a minimal index.html, named after the test that uses it. */
export function staticPageDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `skiff-${label}-`))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Skiff</title>')
  return dir
}

/** Closes the server, then removes its page folder. */
export async function stopWebServer(web: WebServer, dir: string): Promise<void> {
  await web.close()
  rmSync(dir, { recursive: true, force: true })
}
