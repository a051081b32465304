/** Local Kubernetes distributions recognised by the context names their tools write. */
export type LocalDistribution =
  'docker-desktop' | 'rancher-desktop' | 'k3d' | 'kind' | 'minikube' | 'orbstack' | 'colima'

export interface LocalClusterMatch {
  distribution: LocalDistribution
  /** How people call it, for a badge. */
  label: string
}

// Each tool names its context this way: exact names, or a prefix followed by the cluster's own name.
const rules: { distribution: LocalDistribution; label: string; test: (name: string) => boolean }[] = [
  { distribution: 'docker-desktop', label: 'Docker Desktop', test: (n) => n === 'docker-desktop' },
  { distribution: 'rancher-desktop', label: 'Rancher Desktop', test: (n) => n === 'rancher-desktop' },
  { distribution: 'k3d', label: 'k3d', test: (n) => /^k3d-./.test(n) },
  { distribution: 'kind', label: 'kind', test: (n) => /^kind-./.test(n) },
  { distribution: 'minikube', label: 'minikube', test: (n) => n === 'minikube' },
  { distribution: 'orbstack', label: 'OrbStack', test: (n) => n === 'orbstack' },
  { distribution: 'colima', label: 'Colima', test: (n) => n === 'colima' || /^colima-./.test(n) },
]

/** Which local distribution a context belongs to, judged by its name; undefined for any other context. */
export function recognizeLocalCluster(contextName: string): LocalClusterMatch | undefined {
  const rule = rules.find((r) => r.test(contextName))
  return rule && { distribution: rule.distribution, label: rule.label }
}
