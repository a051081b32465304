import { ClusterError } from './errors'
import { minikubeStartArgs } from './minikube-args'
import {
  minikubeAddons,
  minikubeImages,
  minikubeLoadImage,
  minikubeServiceUrl,
  minikubeSetAddon,
} from './minikube-devloop'
import type { AddonInfo } from '@shared/contract/dev-loop'
import { parseMinikubeEvent, parseMinikubeVersion, parseProfileList } from './minikube-parse'
import type { MinikubeEvent } from './minikube-parse'
import { clusterNameProblem } from '@shared/cluster-names'
import type { RunResult } from './run'
import { Tool, tail } from './tool'
import type { ToolDeps } from './tool'
import type { ClusterInfo, ClusterProvider, CreateSpec, Detection, OnProviderEvent } from './types'

export interface MinikubeProviderOptions extends ToolDeps {
  createTimeoutMs?: number
  verifyReady?: (contextName: string, signal: AbortSignal) => Promise<void>
}

const LIST_TIMEOUT_MS = 60_000
const OP_TIMEOUT_MS = 10 * 60_000

type ErrorEvent = Extract<MinikubeEvent, { kind: 'error' }>

function minikubeFailure(action: string, r: RunResult, error: ErrorEvent | undefined): ClusterError {
  if (r.timedOut) return new ClusterError(`minikube ${action} did not finish in time and was stopped`)
  if (r.startError) return new ClusterError(`minikube could not be started: ${r.startError}`)
  if (r.exitCode === undefined && !r.cancelled && !error) {
    return new ClusterError(
      `minikube ${action} was killed before it finished (see the log for its last output)`,
    )
  }
  const details: { advice?: string; exitCode?: number; reason?: string } = {}
  const exitCode = r.exitCode ?? error?.exitCode
  if (exitCode !== undefined) details.exitCode = exitCode
  if (error?.advice) details.advice = error.advice
  if (error?.reason) details.reason = error.reason
  const message = error?.message || tail(r.stderr) || `minikube ${action} failed`
  return new ClusterError(message, details)
}

export class MinikubeProvider implements ClusterProvider {
  readonly id = 'minikube'
  private readonly tool: Tool

  constructor(private readonly options: MinikubeProviderOptions = {}) {
    this.tool = new Tool('minikube', options)
  }

  async detect(): Promise<Detection> {
    return this.tool.detect(['version', '-o', 'json'], (out) => parseMinikubeVersion(out)?.version)
  }

  async versions(): Promise<string[]> {
    const r = await this.tool.exec(['version', '-o', 'json'], { timeoutMs: 5000 }).catch(() => undefined)
    const v = r ? parseMinikubeVersion(r.stdout) : undefined
    return [
      v
        ? `minikube ${v.version}${v.commit ? ` (commit ${v.commit})` : ''}`
        : 'minikube: not installed or not answering',
    ]
  }

  async list(): Promise<ClusterInfo[]> {
    if (!(await this.tool.which('minikube'))) return []
    const r = await this.tool.exec(['profile', 'list', '-o', 'json'], { timeoutMs: LIST_TIMEOUT_MS })
    const parsed = parseProfileList(r.stdout)
    if (!parsed.ok) {
      if (r.timedOut || r.startError) throw minikubeFailure('profile list', r, undefined)
      throw new ClusterError(
        `minikube profile list failed: ${parsed.error}`,
        r.exitCode === undefined ? {} : { exitCode: r.exitCode },
      )
    }
    return parsed.profiles.map((p) => {
      const info: ClusterInfo = { name: p.name, provider: 'minikube', state: p.state, contextName: p.name }
      if (p.kubernetesVersion) info.kubernetesVersion = p.kubernetesVersion
      if (p.nodeCount !== undefined) info.nodeCount = p.nodeCount
      if (!p.valid) info.detail = 'invalid profile: its configuration could not be read'
      else if (info.state === 'unknown' && p.status) info.detail = `minikube status: ${p.status}`
      return info
    })
  }

  /** Runs a `--output=json` command, turning step events into progress and keeping the error event. */
  private async runSteps(
    args: string[],
    onEvent: OnProviderEvent,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<{ r: RunResult; error: ErrorEvent | undefined }> {
    let error: ErrorEvent | undefined
    let last: { step: string; title: string; current: number; total: number } | undefined
    const r = await this.tool.exec([...args, '--output=json'], {
      timeoutMs,
      onEvent,
      ...(signal ? { signal } : {}),
      onLine: (stream, line) => {
        const ev = stream === 'stdout' ? parseMinikubeEvent(line) : undefined
        if (ev?.kind === 'error') error = ev
        if (ev?.kind !== 'step') return
        if (last) onEvent({ type: 'progress', ...last, state: 'done' })
        last = { step: ev.name, title: ev.message, current: ev.current, total: ev.total }
        onEvent({ type: 'progress', ...last, state: 'running' })
      },
    })
    if (last) onEvent({ type: 'progress', ...last, state: r.exitCode === 0 ? 'done' : 'failed' })
    return { r, error }
  }

  async create(spec: CreateSpec, onEvent: OnProviderEvent, signal: AbortSignal): Promise<ClusterInfo> {
    const invalid = clusterNameProblem('minikube', spec.name)
    if (invalid) throw new ClusterError(invalid)
    // `minikube start` on an existing profile restarts it; a create must not touch someone's cluster.
    if ((await this.list()).some((c) => c.name === spec.name)) {
      throw new ClusterError(`A minikube profile named "${spec.name}" already exists`, {
        advice: 'Choose another name, or start the existing profile instead.',
      })
    }
    const args = minikubeStartArgs(spec)
    const timeout = this.options.createTimeoutMs ?? 20 * 60_000
    const { r, error } = await this.runSteps(args, onEvent, signal, timeout)
    if (r.cancelled || r.timedOut) {
      onEvent({ type: 'log', stream: 'stderr', line: `Skiff: deleting the half-made profile "${spec.name}"` })
      await this.tool.exec(['delete', '-p', spec.name], { timeoutMs: OP_TIMEOUT_MS, onEvent })
      if (r.cancelled) {
        throw new ClusterError(
          `Creating minikube profile "${spec.name}" was cancelled; the half-made profile was deleted.`,
        )
      }
    }
    if (r.exitCode !== 0) throw minikubeFailure('start', r, error)
    const info = (await this.list()).find((c) => c.name === spec.name)
    if (!info)
      throw new ClusterError(`minikube exited successfully but profile "${spec.name}" is not listed`, {
        exitCode: 0,
      })
    await this.options.verifyReady?.(info.contextName, signal)
    return info
  }

  private async simple(
    action: string,
    args: string[],
    onEvent: OnProviderEvent,
    signal: AbortSignal,
  ): Promise<void> {
    const name = args[2] ?? ''
    const invalid = clusterNameProblem('minikube', name)
    if (invalid) throw new ClusterError(invalid)
    const { r, error } = await this.runSteps(args, onEvent, signal, OP_TIMEOUT_MS)
    if (r.cancelled) throw new ClusterError(`minikube ${action} of "${name}" was cancelled`)
    if (r.exitCode !== 0) throw minikubeFailure(action, r, error)
  }

  loadImage(name: string, image: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return minikubeLoadImage(this.tool, name, image, onEvent, signal)
  }

  clusterImages(name: string): Promise<string[]> {
    return minikubeImages(this.tool, name)
  }

  addons(name: string): Promise<AddonInfo[]> {
    return minikubeAddons(this.tool, name)
  }

  setAddon(
    name: string,
    addon: string,
    enabled: boolean,
    onEvent: OnProviderEvent,
    signal: AbortSignal,
  ): Promise<void> {
    return minikubeSetAddon(this.tool, name, addon, enabled, onEvent, signal)
  }

  serviceUrl(
    name: string,
    namespace: string,
    service: string,
    onEvent: OnProviderEvent,
    signal: AbortSignal,
  ): Promise<string[]> {
    return minikubeServiceUrl(this.tool, name, namespace, service, onEvent, signal)
  }

  delete(name: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return this.simple('delete', ['delete', '-p', name], onEvent, signal)
  }

  /** Starts a stopped profile without making it the current context (only create does that). */
  start(name: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return this.simple('start', ['start', '-p', name, '--keep-context'], onEvent, signal)
  }

  stop(name: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return this.simple('stop', ['stop', '-p', name, '--keep-context-active'], onEvent, signal)
  }

  pause(name: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return this.simple('pause', ['pause', '-p', name], onEvent, signal)
  }

  unpause(name: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return this.simple('unpause', ['unpause', '-p', name], onEvent, signal)
  }
}
