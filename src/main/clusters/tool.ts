import { detectBinary, detectEngine } from './detect'
import { ClusterError } from './errors'
import { run as defaultRun } from './run'
import type { RunFn, RunResult } from './run'
import type { Detection, OnProviderEvent } from './types'
import { createWhich } from './which'
import type { WhichFn } from './which'

/** What a CLI-backed provider is given, so tests can point it at fakes. */
export interface ToolDeps {
  run?: RunFn
  /** Extra environment for every child (PATH, KUBECONFIG, …); PATH also drives the binary lookup. */
  env?: Record<string, string | undefined>
  which?: WhichFn
  /** Bound on detection probes (`kind version`, `docker info`); default 5 s. */
  probeTimeoutMs?: number
}

export interface ExecOptions {
  timeoutMs: number
  signal?: AbortSignal
  onEvent?: OnProviderEvent
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void
  /** Text for the child's stdin (e.g. kind's config with `--config -`). */
  input?: string
}

/** Runs one CLI by its resolved path with argument arrays, reporting the command and every line. */
export class Tool {
  readonly run: RunFn
  readonly which: WhichFn
  private readonly env: Record<string, string | undefined> | undefined
  private readonly probeTimeoutMs: number | undefined

  constructor(
    readonly name: 'kind' | 'minikube',
    deps: ToolDeps,
  ) {
    this.run = deps.run ?? defaultRun
    this.env = deps.env
    this.probeTimeoutMs = deps.probeTimeoutMs
    this.which = deps.which ?? createWhich(deps.env?.PATH ?? process.env.PATH)
  }

  /** Whether the provider can work: this CLI answers its version command, and a container engine runs. */
  async detect(
    versionArgs: string[],
    parseVersion: (stdout: string) => string | undefined,
  ): Promise<Detection> {
    const deps = { run: this.run, which: this.which, probeTimeoutMs: this.probeTimeoutMs, env: this.env }
    const binary = await detectBinary(deps, this.name, versionArgs, parseVersion)
    const engine = await detectEngine(deps)
    return { provider: this.name, ready: binary.ok && engine.ok, checks: [binary, engine] }
  }

  async path(): Promise<string> {
    const found = await this.which(this.name)
    if (!found) throw new ClusterError(`${this.name} is not installed (not found on PATH)`)
    return found
  }

  async exec(args: string[], options: ExecOptions): Promise<RunResult> {
    const file = await this.path()
    options.onEvent?.({ type: 'command', argv: [this.name, ...args] })
    const runOptions: Parameters<RunFn>[2] = {
      timeoutMs: options.timeoutMs,
      onLine: (stream, line) => {
        options.onEvent?.({ type: 'log', stream, line })
        options.onLine?.(stream, line)
      },
    }
    if (this.env) runOptions.env = this.env
    if (options.signal) runOptions.signal = options.signal
    if (options.input !== undefined) runOptions.input = options.input
    return this.run(file, args, runOptions)
  }

  /** Runs another program (the container engine) with the same environment. */
  async execOther(file: string, args: string[], timeoutMs: number, input?: string): Promise<RunResult> {
    const options: Parameters<RunFn>[2] = this.env ? { timeoutMs, env: this.env } : { timeoutMs }
    if (input !== undefined) options.input = input
    return this.run(file, args, options)
  }

  /** Runs the container engine (docker, or KIND_EXPERIMENTAL_PROVIDER) and reports the command. */
  async engine(
    args: string[],
    options: { timeoutMs: number; onEvent?: OnProviderEvent; input?: string },
  ): Promise<RunResult> {
    const name = this.env?.KIND_EXPERIMENTAL_PROVIDER ?? 'docker'
    const file = await this.which(name)
    if (!file) throw new ClusterError(`${name} is not installed (not found on PATH)`)
    options.onEvent?.({ type: 'command', argv: [name, ...args] })
    return this.execOther(file, args, options.timeoutMs, options.input)
  }
}

/** Last non-empty lines of output, for error messages when the tool said nothing structured. */
export function tail(text: string, lines = 3): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-lines)
    .join('\n')
}
