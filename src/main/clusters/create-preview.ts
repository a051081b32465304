import { KIND_REGISTRY } from '@shared/cluster-options'
import type { CreatePreview } from '@shared/contract/clusters'
import {
  kindConfigYaml,
  kindCreateArgs,
  registryConnectArgs,
  registryNodeArgs,
  registryRunArgs,
} from './kind-config'
import { minikubeStartArgs } from './minikube-args'
import { formatCommand } from './run'
import type { CreateSpec, ProviderId } from './types'

export const KIND_WAIT = '5m'

function kindNodeNames(spec: CreateSpec): string[] {
  const workers = Math.max(0, (spec.nodes ?? 1) - 1)
  return [
    `${spec.name}-control-plane`,
    ...Array.from({ length: workers }, (_, i) => `${spec.name}-worker${i === 0 ? '' : String(i + 1)}`),
  ]
}

/** Everything a create will run for this (already validated) spec, in order, as a person would type it. */
export function createPreview(provider: ProviderId, spec: CreateSpec): CreatePreview {
  if (provider === 'kind') {
    const commands: string[] = []
    const notes: string[] = []
    if (spec.localRegistry) commands.push(formatCommand(['docker', ...registryRunArgs()]))
    commands.push(formatCommand(['kind', ...kindCreateArgs(spec, KIND_WAIT)]))
    if (spec.localRegistry) {
      for (const node of kindNodeNames(spec))
        for (const args of registryNodeArgs(node)) commands.push(formatCommand(['docker', ...args]))
      commands.push(formatCommand(['docker', ...registryConnectArgs()]))
      notes.push(
        `The registry container is started only if "${KIND_REGISTRY.name}" is not running yet; each node gets hosts.toml pointing localhost:${KIND_REGISTRY.hostPort} at it, and kube-public/local-registry-hosting documents it.`,
      )
    }
    if (spec.ingressPorts)
      notes.push('Ports 80 and 443 on this machine must be free; install an ingress controller afterwards.')
    return { commands, config: kindConfigYaml(spec), notes }
  }
  if (provider === 'minikube') {
    return { commands: [formatCommand(['minikube', ...minikubeStartArgs(spec), '--output=json'])], notes: [] }
  }
  const nodes = spec.nodes ?? 1
  const speed = spec.speed ?? 1
  return {
    commands: [],
    notes: [
      `Simulated in Skiff: ${nodes} node${nodes === 1 ? '' : 's'}, time ${speed === 1 ? 'at normal speed' : `×${speed}`}. No command runs.`,
    ],
  }
}
