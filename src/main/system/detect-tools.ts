import which from 'which'
import { toolNames, type ToolName, type ToolStatus } from '@shared/contract'
import { versionProbes } from './tool-versions'

/** Runs a binary with an argument array; resolves with stdout or rejects. Injected so tests can fake it. */
export type RunVersion = (file: string, args: string[], timeoutMs: number) => Promise<string>

export interface DetectOptions {
  run: RunVersion
  /** PATH to search; defaults to the process PATH. */
  path?: string
  timeoutMs?: number
}

/** Finds each tool on PATH and asks its version. Never throws: a missing tool is a state, not an error. */
export async function detectTools(options: DetectOptions): Promise<ToolStatus[]> {
  return Promise.all(toolNames.map((name) => detectTool(name, options)))
}

export async function detectTool(name: ToolName, options: DetectOptions): Promise<ToolStatus> {
  const path = await which(name, { nothrow: true, path: options.path ?? process.env.PATH ?? '' })
  if (!path) return { name, found: false }
  const probe = versionProbes[name]
  const timeoutMs = options.timeoutMs ?? 5000
  try {
    const stdout = await options.run(path, probe.args, timeoutMs)
    const version = probe.parse(stdout)
    return version
      ? { name, found: true, path, version }
      : { name, found: true, path, problem: 'unrecognised version output' }
  } catch (err) {
    return { name, found: true, path, problem: describeFailure(err, timeoutMs) }
  }
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err && typeof err === 'object' && 'timedOut' in err && err.timedOut) {
    return `did not answer within ${timeoutMs / 1000} s`
  }
  if (err && typeof err === 'object' && 'exitCode' in err && typeof err.exitCode === 'number') {
    return `exited with code ${err.exitCode} when asked for its version`
  }
  return 'could not be run'
}
