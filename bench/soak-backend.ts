import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { WebDiagnostics } from '../src/main/transport/http'
import { webDoor } from './web-api'

/** The soak's doors into the web backend: its calls and its diagnostics, with the page's token. */
export interface SoakBackend {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** What the backend holds open; `gc` collects garbage first (the backend runs with --expose-gc). */
  diagnostics(gc: boolean): Promise<WebDiagnostics>
  /** Writes a V8 heap snapshot of the backend (SIGUSR2 with --heapsnapshot-signal) and returns its path. */
  heapSnapshot(): Promise<string>
}

/** Node flags the soak starts the backend with, so it can collect garbage and write snapshots on a signal. */
export const soakNodeArgs = (snapshotDir: string): string[] => [
  '--expose-gc',
  '--heapsnapshot-signal=SIGUSR2',
  `--diagnostic-dir=${snapshotDir}`,
]

export function soakBackend(webUrl: string, pid: number, snapshotDir: string): SoakBackend {
  const { origin, auth, call } = webDoor(webUrl)
  return {
    call,
    async diagnostics(gc) {
      const res = await fetch(`${origin}/api/diagnostics${gc ? '?gc=1' : ''}`, { headers: auth })
      if (!res.ok) throw new Error(`/api/diagnostics: HTTP ${res.status} ${await res.text()}`)
      return (await res.json()) as WebDiagnostics
    },
    async heapSnapshot() {
      const before = new Set(snapshots(snapshotDir))
      process.kill(pid, 'SIGUSR2')
      // The file appears at once and grows while V8 writes it; done when its size holds still.
      const deadline = Date.now() + 120_000
      let file: string | undefined
      let size = -1
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500))
        file ??= snapshots(snapshotDir).find((f) => !before.has(f))
        if (!file) continue
        const now = statSync(file).size
        if (now > 0 && now === size) return file
        size = now
      }
      throw new Error('the backend wrote no heap snapshot in 120 s')
    },
  }
}

const snapshots = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.heapsnapshot'))
    .map((f) => join(dir, f))
