import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'
import { execa } from 'execa'

export interface RunOptions {
  /** Kill the child (and its process group) after this many ms. */
  timeoutMs?: number
  signal?: AbortSignal
  env?: Record<string, string | undefined>
  /** Each output line, ANSI-stripped; `\r` also ends a line (spinners). */
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void
  input?: string
}

export interface RunResult {
  argv: string[]
  /** undefined when the process died from a signal or never started. */
  exitCode: number | undefined
  stdout: string
  stderr: string
  timedOut: boolean
  cancelled: boolean
  /** Set when the program could not be started at all (e.g. ENOENT). */
  startError?: string
}

/** Runs one program with an argument array (never a shell). Never throws for process failures. */
export type RunFn = (file: string, args: readonly string[], options?: RunOptions) => Promise<RunResult>

const KILL_GRACE_MS = 2000
const MAX_CAPTURE = 4 * 1024 * 1024

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    // A negative pid addresses the whole group, so helpers the tool spawned die with it.
    process.kill(process.platform === 'win32' ? pid : -pid, signal)
  } catch {
    // Already gone.
  }
}

export const run: RunFn = async (file, args, options = {}) => {
  const argv = [file, ...args]
  if (options.signal?.aborted) {
    return { argv, exitCode: undefined, stdout: '', stderr: '', timedOut: false, cancelled: true }
  }
  const child = execa(file, args, {
    reject: false,
    buffer: false,
    detached: process.platform !== 'win32',
    cleanup: true,
    env: options.env,
    extendEnv: true,
    stdin: options.input === undefined ? 'ignore' : 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  if (options.input !== undefined) child.stdin?.end(options.input)

  const captured = { stdout: '', stderr: '' }
  const readers: Promise<void>[] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream]
    if (!source) continue
    const rl = createInterface({ input: source, crlfDelay: Infinity })
    rl.on('line', (raw) => {
      const line = stripVTControlCharacters(raw)
      if (captured[stream].length < MAX_CAPTURE) captured[stream] += line + '\n'
      options.onLine?.(stream, line)
    })
    readers.push(new Promise((resolve) => rl.once('close', () => resolve())))
  }

  let timedOut = false
  let cancelled = false
  let forceTimer: NodeJS.Timeout | undefined
  const terminate = (): void => {
    killGroup(child.pid, 'SIGTERM')
    forceTimer ??= setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS)
  }
  const onAbort = (): void => {
    cancelled = true
    terminate()
  }
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true
          terminate()
        }, options.timeoutMs)

  try {
    const result = await child
    // A killed leader (by us or by a crash) may leave helpers in its group running; end them too.
    if (timedOut || cancelled || result.signal) killGroup(child.pid, 'SIGKILL')
    await Promise.all(readers)
    const out: RunResult = {
      argv,
      exitCode: result.exitCode,
      stdout: captured.stdout,
      stderr: captured.stderr,
      timedOut,
      cancelled,
    }
    if (result.failed && result.exitCode === undefined && !result.signal && !timedOut && !cancelled) {
      out.startError = result.code === 'ENOENT' ? `${file}: not found` : result.shortMessage
    }
    return out
  } finally {
    if (timer) clearTimeout(timer)
    if (forceTimer) clearTimeout(forceTimer)
    options.signal?.removeEventListener('abort', onAbort)
  }
}

/** The argv as a person would paste it into a terminal (quoted only where needed). */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')
}
