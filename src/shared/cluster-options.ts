import type { CreateSpec, ProviderId } from './contract/clusters'

// What a create dialog can ask of each provider, and the presets that fill it in. The contract validates a
// spec against these rules (src/shared/contract/clusters.ts) and the backend turns it into a command line.

/** minikube addons Skiff offers at create time and in the addons panel (names as `minikube addons list`). */
export const minikubeAddons = ['ingress', 'metrics-server', 'dashboard', 'registry', 'ingress-dns'] as const
export type MinikubeAddon = (typeof minikubeAddons)[number]

export const minikubeDrivers = [
  'docker',
  'podman',
  'kvm2',
  'qemu2',
  'virtualbox',
  'hyperkit',
  'vfkit',
  'hyperv',
] as const

/** kind's documented local registry: a `registry:3` container on 127.0.0.1:5001 named kind-registry. */
export const KIND_REGISTRY = { name: 'kind-registry', hostPort: 5001, image: 'registry:3' } as const

/** Node counts a provider accepts (the sandbox simulates at most three nodes). */
export const maxNodes: Record<ProviderId, number> = { kind: 10, minikube: 10, sandbox: 3 }

export type PresetId = 'plain' | 'ingress' | 'multi-node' | 'registry'

export interface Preset {
  id: PresetId
  label: string
  description: string
}

export const presets: Preset[] = [
  { id: 'plain', label: 'Plain', description: 'One node, nothing extra.' },
  {
    id: 'ingress',
    label: 'Ingress on localhost',
    description: 'Ports 80 and 443 on this machine reach the cluster’s ingress controller.',
  },
  { id: 'multi-node', label: 'Multi-node', description: 'A control plane and two workers.' },
  {
    id: 'registry',
    label: 'With local registry',
    description: 'Push to localhost:5001 and pull from the cluster.',
  },
]

/** What a preset does on this provider, in a few words. */
export function presetDescription(preset: Preset, provider: ProviderId): string {
  if (preset.id === 'ingress' && provider === 'minikube') return 'Enables minikube’s ingress addon.'
  if (preset.id === 'ingress' && provider === 'sandbox')
    return 'Ingresses answer on a loopback port of the sandbox (*.localhost hosts).'
  if (preset.id === 'registry' && provider === 'minikube') return 'Enables minikube’s registry addon.'
  if (preset.id === 'multi-node' && provider === 'sandbox') return 'Three simulated nodes.'
  return preset.description
}

/** The options a preset sets for a provider; undefined when the provider cannot do it. */
export function presetSpec(id: PresetId, provider: ProviderId): Partial<CreateSpec> | undefined {
  const base: Partial<CreateSpec> = { nodes: 1, ingressPorts: false, localRegistry: false, addons: [] }
  const strip = (s: Partial<CreateSpec>): Partial<CreateSpec> => {
    const out = { ...s }
    if (provider !== 'kind') {
      delete out.ingressPorts
      delete out.localRegistry
    }
    if (provider !== 'minikube') delete out.addons
    return out
  }
  switch (id) {
    case 'plain':
      return strip(base)
    case 'multi-node':
      return strip({ ...base, nodes: 3 })
    case 'ingress':
      if (provider === 'kind') return strip({ ...base, ingressPorts: true })
      if (provider === 'minikube') return strip({ ...base, addons: ['ingress'] })
      // The sandbox serves ingresses on a loopback port of its own; nothing to set.
      return strip(base)
    case 'registry':
      if (provider === 'kind') return strip({ ...base, localRegistry: true })
      if (provider === 'minikube') return strip({ ...base, addons: ['registry'] })
      return undefined
  }
}

/** Options that only make sense for one provider: a spec naming them for another is refused. */
export function specProblems(provider: ProviderId, spec: CreateSpec): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  const only = (field: keyof CreateSpec, owner: ProviderId): void => {
    if (spec[field] !== undefined && provider !== owner)
      problems.push({ path: field, message: `only ${owner} clusters take "${field}"` })
  }
  only('ingressPorts', 'kind')
  only('localRegistry', 'kind')
  only('image', 'kind')
  only('addons', 'minikube')
  only('driver', 'minikube')
  only('cpus', 'minikube')
  only('memoryMb', 'minikube')
  only('speed', 'sandbox')
  if (spec.nodes !== undefined && spec.nodes > maxNodes[provider])
    problems.push({ path: 'nodes', message: `${provider} takes at most ${maxNodes[provider]} nodes here` })
  if (provider === 'sandbox' && spec.kubernetesVersion !== undefined)
    problems.push({ path: 'kubernetesVersion', message: 'the sandbox serves one Kubernetes version' })
  return problems
}

/**
 * Kubernetes versions of the kind node images this machine's engine already has (`kindest/node:v1.33.1`),
 * newest first. The kind binary cannot list the images its release supports (only its release notes do), so
 * the dialog suggests what is already here, which kind can also use without a download, and accepts any tag.
 */
export function kindNodeVersions(imageRefs: readonly string[]): string[] {
  const versions = new Set<string>()
  for (const ref of imageRefs) {
    const m =
      /^(?:docker\.io\/)?kindest\/node:(v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:@sha256:[0-9a-f]+)?$/.exec(ref)
    if (m?.[1]) versions.add(m[1])
  }
  // Newest first; a final release before its own pre-releases (v1.37.0 before v1.37.0-rc.1).
  const parts = (v: string): number[] => {
    const [core = '', pre] = v.slice(1).split('-', 2)
    return [...core.split('.').map(Number), pre === undefined ? 1 : 0]
  }
  return [...versions].sort((a, b) => {
    const [x, y] = [parts(a), parts(b)]
    const i = x.findIndex((n, k) => n !== y[k])
    return i < 0 ? a.localeCompare(b) : (y[i] ?? 0) - (x[i] ?? 0)
  })
}
