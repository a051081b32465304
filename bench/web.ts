import { spawn } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'

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
    [...nodeArgs, '--import', 'tsx', 'src/main/web/index.ts', '--port', '0', ...webArgs],
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
