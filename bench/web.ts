import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { WebDiagnostics } from '../src/main/transport/http'
import { webDoor } from './web-api'
import { backendEntry } from '../scripts/serve.mjs'

/**
 * What runs the backend: BENCH_WEB_ENTRY (a built entry, or `tsx` for the sources), else the checkout's build
 * as `npm run serve` runs it (buildWebIfStale makes it), else its sources through tsx (an older checkout).
 */
function backendCommand(cwd: string): string[] {
  const chosen = process.env.BENCH_WEB_ENTRY
  if (chosen === 'tsx') return ['--import', 'tsx', 'src/main/web/index.ts']
  if (chosen) return [chosen, '--static', join(cwd, 'out/web')]
  const built = join(cwd, backendEntry)
  return existsSync(built) ? [built] : ['--import', 'tsx', 'src/main/web/index.ts']
}

/** Skiff's web mode (backend + built renderer) as a child process, so its RSS is its own. */
export interface BenchWeb {
  url: string
  pid: number
  rssMb(): number
  stop(): Promise<void>
}

/**
 * `nodeArgs` go before the script, e.g. `--cpu-prof` (which NODE_OPTIONS refuses); `webArgs` after it,
 * e.g. `--static DIR` for another build of the renderer; `cwd` another checkout's backend.
 */
export async function startWeb(
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  webArgs: string[] = [],
  cwd?: string,
): Promise<BenchWeb> {
  const child = spawn(
    process.execPath,
    // BENCH_WEB_NODE_ARGS (space-separated), for diagnostics: e.g. `--cpu-prof --cpu-prof-dir=DIR --trace-gc`.
    [
      ...nodeArgs,
      ...(process.env.BENCH_WEB_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...backendCommand(cwd ?? process.cwd()),
      '--port',
      '0',
      ...webArgs,
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(cwd ? { cwd } : {}),
    },
  )
  // For diagnostics (e.g. `--trace-gc`, which writes to stdout): the child's whole stdout to this file.
  const tee = process.env.BENCH_WEB_STDOUT ? createWriteStream(process.env.BENCH_WEB_STDOUT) : undefined
  if (tee) child.stdout.pipe(tee)
  let err = ''
  child.stderr.on('data', (c: Buffer) => {
    err = (err + c.toString()).slice(-4000)
    if (process.env.BENCH_WEB_STDERR) process.stderr.write(c)
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`web mode did not start in 90 s:\n${out}\n${err}`)),
      90_000,
    )
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Skiff web UI: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web mode exited with ${code}:\n${out}\n${err}`))
    })
  })
  const pid = child.pid ?? 0
  return {
    url,
    pid,
    rssMb() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      return m?.[1] ? Number(m[1]) / 1024 : Number.NaN
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGINT')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }),
  }
}

/**
 * The backend's RSS and JS heap after two full GCs (`GET /api/diagnostics?gc=1`; the backend must run with
 * --expose-gc), in MB.
 */
export async function backendAfterGc(webUrl: string): Promise<{ rssMb: number; heapMb: number }> {
  const { origin, auth } = webDoor(webUrl)
  let last: WebDiagnostics | undefined
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${origin}/api/diagnostics?gc=1`, { headers: auth })
    if (!res.ok) throw new Error(`/api/diagnostics: HTTP ${res.status}`)
    last = (await res.json()) as WebDiagnostics
    if (!last.collected) throw new Error('the backend cannot collect garbage: start it with --expose-gc')
  }
  return { rssMb: last!.rssBytes / (1024 * 1024), heapMb: last!.heapUsedBytes / (1024 * 1024) }
}
