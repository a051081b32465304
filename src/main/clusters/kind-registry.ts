import { KIND_REGISTRY } from '@shared/cluster-options'
import { ClusterError } from './errors'
import { REGISTRY_HOSTS_TOML, registryConnectArgs, registryNodeArgs, registryRunArgs } from './kind-config'
import type { RunResult } from './run'
import { tail } from './tool'
import type { Tool } from './tool'
import type { OnProviderEvent } from './types'

// kind's local-registry recipe (site/static/examples/kind-with-registry.sh), step by step with argv arrays.
const TIMEOUT_MS = 120_000

function failed(what: string, r: RunResult): ClusterError {
  const detail = r.startError ?? (tail(r.stderr) || tail(r.stdout) || `exit code ${String(r.exitCode)}`)
  return new ClusterError(
    `Could not ${what}: ${detail}`,
    r.exitCode === undefined ? {} : { exitCode: r.exitCode },
  )
}

/** Starts the registry container unless it already runs. */
export async function startRegistry(tool: Tool, onEvent: OnProviderEvent): Promise<void> {
  const inspect = await tool.engine(['inspect', '-f', '{{.State.Running}}', KIND_REGISTRY.name], {
    timeoutMs: TIMEOUT_MS,
    onEvent,
  })
  if (inspect.exitCode === 0 && inspect.stdout.trim() === 'true') return
  const r = await tool.engine(registryRunArgs(), { timeoutMs: TIMEOUT_MS, onEvent })
  if (r.exitCode !== 0) throw failed(`start the local registry "${KIND_REGISTRY.name}"`, r)
}

/** Points each node's containerd at the registry and joins the registry to kind's network. */
export async function connectRegistry(tool: Tool, nodes: string[], onEvent: OnProviderEvent): Promise<void> {
  for (const node of nodes) {
    const [mkdir, copy] = registryNodeArgs(node)
    for (const [args, input] of [
      [mkdir, undefined],
      [copy, REGISTRY_HOSTS_TOML],
    ] as const) {
      if (!args) continue
      const r = await tool.engine([...args], { timeoutMs: TIMEOUT_MS, onEvent, ...(input ? { input } : {}) })
      if (r.exitCode !== 0) throw failed(`configure node "${node}" for the local registry`, r)
    }
  }
  const r = await tool.engine(registryConnectArgs(), { timeoutMs: TIMEOUT_MS, onEvent })
  // Connecting twice is harmless: the registry may serve several kind clusters.
  if (r.exitCode !== 0 && !/already exists/.test(r.stderr))
    throw failed('connect the registry to the "kind" network', r)
}
