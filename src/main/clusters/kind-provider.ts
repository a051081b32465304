import { KIND_WAIT } from './create-preview'
import { kindConfigYaml, kindCreateArgs } from './kind-config'
import { kindLoadImage, kindNodeImages } from './kind-images'
import { connectRegistry, startRegistry } from './kind-registry'
import { ClusterError } from './errors'
import {
  expectedKindSteps,
  parseKindClusters,
  parseKindError,
  parseKindNodes,
  parseKindStepLine,
  parseKindVersion,
} from './kind-parse'
import { clusterNameProblem } from '@shared/cluster-names'
import type { RunResult } from './run'
import { Tool, tail } from './tool'
import type { ToolDeps } from './tool'
import type {
  ClusterInfo,
  ClusterProvider,
  ClusterState,
  CreateSpec,
  Detection,
  OnProviderEvent,
} from './types'

export interface KindProviderOptions extends ToolDeps {
  createTimeoutMs?: number
  /** Waits until the API answers and nodes are Ready; kind's own `--wait` covers the control plane. */
  verifyReady?: (contextName: string, signal: AbortSignal) => Promise<void>
  /** Writes kube-public/local-registry-hosting (KEP-1755) after a create with a local registry. */
  publishRegistry?: (contextName: string) => Promise<void>
}

const LIST_TIMEOUT_MS = 30_000
const DELETE_TIMEOUT_MS = 5 * 60_000

function adviceFor(text: string): string | undefined {
  if (/Cannot connect to the Docker daemon|Is the docker daemon running/.test(text)) {
    return 'Start Docker (or Podman) and try again.'
  }
  if (/already exist for a cluster with the name/.test(text)) {
    return 'Choose another name, or delete the existing cluster first.'
  }
  return undefined
}

export function kindFailure(action: string, r: RunResult): ClusterError {
  if (r.timedOut) return new ClusterError(`kind ${action} did not finish in time and was stopped`)
  if (r.startError) return new ClusterError(`kind could not be started: ${r.startError}`)
  if (r.exitCode === undefined && !r.cancelled) {
    return new ClusterError(`kind ${action} was killed before it finished (see the log for its last output)`)
  }
  const parsed = parseKindError(r.stderr)
  const message = parsed
    ? [parsed.message, parsed.commandOutput?.split('\n')[0]].filter(Boolean).join('\n')
    : tail(r.stderr) || tail(r.stdout) || `kind ${action} failed`
  const details: { advice?: string; exitCode?: number } = {}
  const advice = adviceFor(r.stderr)
  if (advice) details.advice = advice
  if (r.exitCode !== undefined) details.exitCode = r.exitCode
  return new ClusterError(message, details)
}

function stateOf(states: string[]): ClusterState {
  if (states.length === 0) return 'unknown'
  if (states.every((s) => s === 'running')) return 'running'
  if (states.every((s) => s === 'paused')) return 'paused'
  if (states.every((s) => s === 'exited' || s === 'created' || s === 'stopped')) return 'stopped'
  return 'unknown'
}

export class KindProvider implements ClusterProvider {
  readonly id = 'kind'
  private readonly tool: Tool

  constructor(private readonly options: KindProviderOptions = {}) {
    this.tool = new Tool('kind', options)
  }

  async detect(): Promise<Detection> {
    return this.tool.detect(['version'], (out) => parseKindVersion(out)?.version)
  }

  async versions(): Promise<string[]> {
    const r = await this.tool.exec(['version'], { timeoutMs: 5000 }).catch(() => undefined)
    return [r ? (parseKindVersion(r.stdout)?.raw ?? 'kind: version unknown') : 'kind: not installed']
  }

  async list(): Promise<ClusterInfo[]> {
    if (!(await this.tool.which('kind'))) return []
    const r = await this.tool.exec(['get', 'clusters'], { timeoutMs: LIST_TIMEOUT_MS })
    if (r.exitCode !== 0) throw kindFailure('get clusters', r)
    const names = parseKindClusters(r.stdout)
    return Promise.all(names.map((name) => this.describe(name)))
  }

  private async describe(name: string): Promise<ClusterInfo> {
    const info: ClusterInfo = { name, provider: 'kind', state: 'unknown', contextName: `kind-${name}` }
    const engine = await this.tool.which(this.options.env?.KIND_EXPERIMENTAL_PROVIDER ?? 'docker')
    const ps = engine
      ? await this.tool.execOther(
          engine,
          [
            'ps',
            '-a',
            '--filter',
            `label=io.x-k8s.kind.cluster=${name}`,
            '--format',
            '{{.Names}}\t{{.State}}\t{{.Image}}',
          ],
          10_000,
        )
      : undefined
    if (ps?.exitCode === 0) {
      const rows = ps.stdout
        .split('\n')
        .filter((l) => l.includes('\t'))
        .map((l) => l.split('\t'))
      info.state = stateOf(rows.map((r) => (r[1] ?? '').toLowerCase()))
      info.nodeCount = rows.length
      const version = /:(v\d+\.\d+\.\d+[\w.-]*)/.exec(rows[0]?.[2] ?? '')?.[1]
      if (version) info.kubernetesVersion = version
      return info
    }
    const nodes = await this.nodes(name).catch(() => undefined)
    if (nodes) info.nodeCount = nodes.length
    return info
  }

  async create(spec: CreateSpec, onEvent: OnProviderEvent, signal: AbortSignal): Promise<ClusterInfo> {
    const invalid = clusterNameProblem('kind', spec.name)
    if (invalid) throw new ClusterError(invalid, { advice: 'Use lowercase letters, digits, "." and "-".' })
    const workers = Math.max(0, (spec.nodes ?? 1) - 1)
    const steps = expectedKindSteps({ workers, wait: true })
    if (spec.localRegistry) await startRegistry(this.tool, onEvent)
    const args = kindCreateArgs(spec, KIND_WAIT)
    let started = 0
    const r = await this.tool.exec(args, {
      timeoutMs: this.options.createTimeoutMs ?? 15 * 60_000,
      input: kindConfigYaml(spec),
      signal,
      onEvent,
      onLine: (stream, line) => {
        const parsed = stream === 'stderr' ? parseKindStepLine(line) : undefined
        if (!parsed) return
        // Some step names carry details ("Ensuring node image (…)", "Waiting ≤ 5m0s …"): match by prefix.
        const known = steps.findIndex(
          (s) =>
            s === parsed.step ||
            parsed.step.startsWith(`${s} `) ||
            (s.startsWith('Waiting') && parsed.step.startsWith('Waiting')),
        )
        if (parsed.state === 'running') started++
        const current = known >= 0 ? known + 1 : started
        onEvent({
          type: 'progress',
          step: parsed.step,
          title: parsed.title,
          state: parsed.state,
          current,
          total: Math.max(steps.length, current),
        })
      },
    })
    if (r.cancelled || r.timedOut) {
      await this.cleanup(spec.name, onEvent)
      if (r.cancelled)
        throw new ClusterError(
          `Creating kind cluster "${spec.name}" was cancelled; its half-made nodes were deleted.`,
        )
      throw kindFailure('create cluster', r)
    }
    if (r.exitCode !== 0) throw kindFailure('create cluster', r)
    const info = (await this.list()).find((c) => c.name === spec.name)
    if (!info)
      throw new ClusterError(`kind exited successfully but cluster "${spec.name}" is not listed`, {
        exitCode: 0,
      })
    if (spec.localRegistry) {
      await connectRegistry(this.tool, await this.nodes(spec.name), onEvent)
      await this.options.publishRegistry?.(info.contextName)
    }
    await this.options.verifyReady?.(info.contextName, signal)
    return info
  }

  loadImage(name: string, image: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    return kindLoadImage(this.tool, name, image, onEvent, signal)
  }

  async clusterImages(name: string): Promise<string[]> {
    return kindNodeImages(this.tool, await this.nodes(name))
  }

  /** `kind get nodes --name N`: the node container names. */
  async nodes(name: string): Promise<string[]> {
    const r = await this.tool.exec(['get', 'nodes', '--name', name], { timeoutMs: LIST_TIMEOUT_MS })
    if (r.exitCode !== 0) throw kindFailure('get nodes', r)
    return parseKindNodes(r.stdout)
  }

  private async cleanup(name: string, onEvent: OnProviderEvent): Promise<void> {
    onEvent({ type: 'log', stream: 'stderr', line: `Skiff: deleting the half-made cluster "${name}"` })
    await this.tool.exec(['delete', 'cluster', '--name', name], { timeoutMs: DELETE_TIMEOUT_MS, onEvent })
  }

  async delete(name: string, onEvent: OnProviderEvent, signal: AbortSignal): Promise<void> {
    const invalid = clusterNameProblem('kind', name)
    if (invalid) throw new ClusterError(invalid)
    onEvent({
      type: 'progress',
      step: 'Deleting cluster',
      title: `Deleting cluster "${name}"`,
      state: 'running',
      current: 1,
      total: 1,
    })
    const r = await this.tool.exec(['delete', 'cluster', '--name', name], {
      timeoutMs: DELETE_TIMEOUT_MS,
      signal,
      onEvent,
    })
    if (r.cancelled) throw new ClusterError(`Deleting kind cluster "${name}" was cancelled`)
    if (r.exitCode !== 0) throw kindFailure('delete cluster', r)
    onEvent({
      type: 'progress',
      step: 'Deleting cluster',
      title: `Deleted cluster "${name}"`,
      state: 'done',
      current: 1,
      total: 1,
    })
  }
}
