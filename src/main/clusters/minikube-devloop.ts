import type { AddonInfo } from '@shared/contract/dev-loop'
import { parseAddonsList } from './addons-parse'
import { ClusterError } from './errors'
import { parseMinikubeImages } from './image-parse'
import type { RunResult } from './run'
import { tail } from './tool'
import type { Tool } from './tool'
import type { OnProviderEvent } from './types'

// minikube's dev-loop commands (image load|ls, addons list|enable|disable, service --url). None of them
// prints step events; their human lines go to the log and each error line reads "❌  Exiting due to ID: …".
const TIMEOUT_MS = 10 * 60_000

function failure(action: string, r: RunResult): ClusterError {
  if (r.timedOut) return new ClusterError(`minikube ${action} did not finish in time and was stopped`)
  if (r.startError) return new ClusterError(`minikube could not be started: ${r.startError}`)
  const exiting = /Exiting due to ([A-Z_]+): (.*)/.exec(r.stderr)
  const message = exiting?.[2] ?? (tail(r.stderr).replace(/^\W+/, '') || `minikube ${action} failed`)
  const details: { exitCode?: number; reason?: string; advice?: string } = {}
  if (r.exitCode !== undefined) details.exitCode = r.exitCode
  if (exiting?.[1]) details.reason = exiting[1]
  const suggestion = /Suggestion: (.*)/.exec(r.stderr)?.[1]
  if (suggestion) details.advice = suggestion
  return new ClusterError(message, details)
}

async function step(
  tool: Tool,
  args: string[],
  titles: { running: string; done: string },
  onEvent: OnProviderEvent,
  signal: AbortSignal,
): Promise<RunResult> {
  const base = { type: 'progress', step: titles.running, current: 1, total: 1 } as const
  onEvent({ ...base, title: titles.running, state: 'running' })
  const r = await tool.exec(args, { timeoutMs: TIMEOUT_MS, signal, onEvent })
  if (r.cancelled) throw new ClusterError(`minikube ${args.slice(0, 2).join(' ')} was cancelled`)
  if (r.exitCode !== 0) {
    onEvent({ ...base, title: titles.running, state: 'failed' })
    throw failure(args.slice(0, 2).join(' '), r)
  }
  onEvent({ ...base, title: titles.done, state: 'done' })
  return r
}

export async function minikubeLoadImage(
  tool: Tool,
  profile: string,
  image: string,
  onEvent: OnProviderEvent,
  signal: AbortSignal,
): Promise<void> {
  await step(
    tool,
    ['image', 'load', image, '-p', profile],
    { running: `Loading ${image} into ${profile}`, done: `Loaded ${image} into ${profile}` },
    onEvent,
    signal,
  )
}

export async function minikubeImages(tool: Tool, profile: string): Promise<string[]> {
  const r = await tool.exec(['image', 'ls', '--format', 'json', '-p', profile], { timeoutMs: 60_000 })
  if (r.exitCode !== 0) throw failure('image ls', r)
  return [...new Set(parseMinikubeImages(r.stdout))].sort()
}

export async function minikubeAddons(tool: Tool, profile: string): Promise<AddonInfo[]> {
  const r = await tool.exec(['addons', 'list', '-o', 'json', '-p', profile], { timeoutMs: 60_000 })
  const parsed = r.exitCode === 0 ? parseAddonsList(r.stdout) : undefined
  if (!parsed) throw failure('addons list', r)
  return parsed
}

export async function minikubeSetAddon(
  tool: Tool,
  profile: string,
  addon: string,
  enabled: boolean,
  onEvent: OnProviderEvent,
  signal: AbortSignal,
): Promise<void> {
  const verb = enabled ? 'enable' : 'disable'
  await step(
    tool,
    ['addons', verb, addon, '-p', profile],
    {
      running: `${enabled ? 'Enabling' : 'Disabling'} the ${addon} addon`,
      done: `The ${addon} addon is ${enabled ? 'enabled' : 'disabled'}`,
    },
    onEvent,
    signal,
  )
}

/** `minikube service NAME -n NS --url`: the URLs on stdout, one per line. */
export async function minikubeServiceUrl(
  tool: Tool,
  profile: string,
  namespace: string,
  service: string,
  onEvent: OnProviderEvent,
  signal: AbortSignal,
): Promise<string[]> {
  const r = await step(
    tool,
    ['service', service, '-n', namespace, '--url', '-p', profile],
    { running: `Asking minikube for ${namespace}/${service}`, done: `minikube answered` },
    onEvent,
    signal,
  )
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^https?:\/\/\S+$/.test(l))
}
