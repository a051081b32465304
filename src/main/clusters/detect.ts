import type { RunFn, RunResult } from './run'
import type { PrerequisiteCheck } from './types'
import type { WhichFn } from './which'

export const INSTALL_URLS = {
  kind: 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation',
  minikube: 'https://minikube.sigs.k8s.io/docs/start/',
  docker: 'https://docs.docker.com/get-started/get-docker/',
  podman: 'https://podman.io/docs/installation',
} as const

const DEFAULT_PROBE_TIMEOUT_MS = 5000

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  )
}

function failureText(r: RunResult): string {
  if (r.timedOut) return 'it did not answer within a few seconds'
  if (r.startError) return r.startError
  return firstLine(r.stderr) || firstLine(r.stdout) || `it exited with code ${r.exitCode ?? 'unknown'}`
}

/** Checks that a tool is on PATH and that its version command answers with something we can parse. */
export interface DetectDeps {
  run: RunFn
  which: WhichFn
  /** Bound on each probe, so a hung tool or daemon socket cannot freeze the app. */
  probeTimeoutMs?: number
  env?: Record<string, string | undefined>
}

function probe(deps: DetectDeps, file: string, args: string[]): Promise<RunResult> {
  const timeoutMs = deps.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS
  return deps.run(file, args, deps.env ? { timeoutMs, env: deps.env } : { timeoutMs })
}

export async function detectBinary(
  deps: DetectDeps,
  tool: 'kind' | 'minikube',
  versionArgs: string[],
  parse: (stdout: string) => string | undefined,
): Promise<PrerequisiteCheck> {
  const label = tool === 'kind' ? 'kind' : 'minikube'
  const installUrl = INSTALL_URLS[tool]
  const path = await deps.which(tool)
  if (!path) {
    return {
      id: 'binary',
      label,
      ok: false,
      explanation: `${label} is not installed (it was not found on your PATH). Install it, then check again.`,
      installUrl,
    }
  }
  const r = await probe(deps, path, versionArgs)
  const version = r.exitCode === 0 ? parse(r.stdout) : undefined
  if (!version) {
    return {
      id: 'binary',
      label,
      ok: false,
      path,
      explanation: `${label} was found at ${path}, but \`${tool} ${versionArgs.join(' ')}\` did not work: ${failureText(r)}. Reinstall it.`,
      installUrl,
    }
  }
  return { id: 'binary', label, ok: true, path, version }
}

function serverVersion(stdout: string, key: 'ServerVersion' | 'version'): string | undefined {
  try {
    const data: unknown = JSON.parse(stdout.trim())
    if (typeof data !== 'object' || data === null) return undefined
    const record = data as Record<string, unknown>
    const direct = record[key]
    if (typeof direct === 'string' && direct) return direct
    // podman info nests it: {"version":{"Version":"5.4.0"}}
    if (typeof direct === 'object' && direct !== null) {
      const nested = (direct as Record<string, unknown>).Version
      if (typeof nested === 'string') return nested
    }
  } catch {
    return undefined
  }
  return undefined
}

/** Ends a tool's message with a full stop unless it already ends a sentence (Docker's "…running?" keeps its "?"). */
export function asSentence(text: string): string {
  const t = text.trim()
  return /[.?!]$/.test(t) ? t : `${t}.`
}

/** Docker or Podman installed and its daemon answering (`docker info` / `podman info`, bounded). */
export async function detectEngine(deps: DetectDeps): Promise<PrerequisiteCheck> {
  const problems: string[] = []
  let foundAny: string | undefined
  for (const engine of ['docker', 'podman'] as const) {
    const path = await deps.which(engine)
    if (!path) continue
    foundAny ??= path
    const args = engine === 'docker' ? ['info', '--format', '{{json .}}'] : ['info', '--format', 'json']
    const r = await probe(deps, path, args)
    const version =
      r.exitCode === 0
        ? serverVersion(r.stdout, engine === 'docker' ? 'ServerVersion' : 'version')
        : undefined
    if (version)
      return { id: 'engine', label: engine === 'docker' ? 'Docker' : 'Podman', ok: true, path, version }
    problems.push(
      `${engine === 'docker' ? 'Docker' : 'Podman'} is installed at ${path} but not answering: ${failureText(r)}`,
    )
  }
  if (foundAny) {
    return {
      id: 'engine',
      label: 'Container engine',
      ok: false,
      path: foundAny,
      explanation: `${problems.map(asSentence).join(' ')} Start Docker Desktop (or run \`sudo systemctl start docker\`, or \`podman machine start\`), then check again.`,
      installUrl: INSTALL_URLS.docker,
    }
  }
  return {
    id: 'engine',
    label: 'Container engine',
    ok: false,
    explanation:
      'Neither Docker nor Podman was found. kind and minikube run Kubernetes nodes as containers, so they need one of them installed and running.',
    installUrl: INSTALL_URLS.docker,
  }
}
