import YAML from 'yaml'
import { KIND_REGISTRY } from '@shared/cluster-options'
import type { CreateSpec } from './types'

// kind's v1alpha4 Cluster config (pkg/apis/config/v1alpha4/types.go), only the fields Skiff writes.
export interface KindPortMapping {
  containerPort: number
  hostPort: number
  listenAddress?: string
  protocol?: 'TCP' | 'UDP' | 'SCTP'
}

export interface KindNode {
  role: 'control-plane' | 'worker'
  image?: string
  kubeadmConfigPatches?: string[]
  extraPortMappings?: KindPortMapping[]
}

export interface KindCluster {
  kind: 'Cluster'
  apiVersion: 'kind.x-k8s.io/v1alpha4'
  name: string
  nodes: KindNode[]
  containerdConfigPatches?: string[]
}

// kind's ingress guide: the kubelet labels the node ingress-ready=true so the ingress controller's
// nodeSelector lands on the one node whose ports 80/443 are mapped to the host.
const INGRESS_READY_PATCH = `kind: InitConfiguration
nodeRegistration:
  kubeletExtraArgs:
    node-labels: "ingress-ready=true"
`

// kind's local-registry guide: containerd reads per-registry hosts.toml files from this folder.
const REGISTRY_PATCH = `[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = "/etc/containerd/certs.d"`

/** The config Skiff hands kind for a spec: nodes, ingress port mappings, registry wiring. */
export function kindClusterConfig(spec: CreateSpec): KindCluster {
  const workers = Math.max(0, (spec.nodes ?? 1) - 1)
  const controlPlane: KindNode = { role: 'control-plane' }
  if (spec.ingressPorts) {
    controlPlane.kubeadmConfigPatches = [INGRESS_READY_PATCH]
    controlPlane.extraPortMappings = [
      { containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { containerPort: 443, hostPort: 443, protocol: 'TCP' },
    ]
  }
  const config: KindCluster = {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    name: spec.name,
    nodes: [controlPlane, ...Array.from({ length: workers }, (): KindNode => ({ role: 'worker' }))],
  }
  if (spec.localRegistry) config.containerdConfigPatches = [REGISTRY_PATCH]
  return config
}

export function kindConfigYaml(spec: CreateSpec): string {
  return YAML.stringify(kindClusterConfig(spec))
}

/** kind's node images are tagged "v1.33.1"; accept "1.33.1" too. */
export function kindNodeImage(spec: CreateSpec): string | undefined {
  const version = spec.kubernetesVersion?.replace(/^v?/, 'v')
  return spec.image ?? (version ? `kindest/node:${version}` : undefined)
}

/** `kind create cluster` reading its config from stdin, so the preview shows the exact command. */
export function kindCreateArgs(spec: CreateSpec, wait: string): string[] {
  const args = ['create', 'cluster', '--name', spec.name, '--config', '-', '--wait', wait]
  const image = kindNodeImage(spec)
  if (image) args.push('--image', image)
  return args
}

export const REGISTRY_DIR = `/etc/containerd/certs.d/localhost:${KIND_REGISTRY.hostPort}`
export const REGISTRY_HOSTS_TOML = `[host."http://${KIND_REGISTRY.name}:5000"]\n`

/** `docker run` for the registry container (skipped when it already runs). */
export function registryRunArgs(): string[] {
  const { name, hostPort, image } = KIND_REGISTRY
  return ['run', '-d', '--restart=always', '-p', `127.0.0.1:${hostPort}:5000`, '--network', 'bridge'].concat([
    '--name',
    name,
    image,
  ])
}

/** Per node: make the hosts.toml folder, then write the file (its text goes on stdin). */
export function registryNodeArgs(node: string): string[][] {
  return [
    ['exec', node, 'mkdir', '-p', REGISTRY_DIR],
    ['exec', '-i', node, 'cp', '/dev/stdin', `${REGISTRY_DIR}/hosts.toml`],
  ]
}

export function registryConnectArgs(): string[] {
  return ['network', 'connect', 'kind', KIND_REGISTRY.name]
}
