import type { CreateSpec } from './types'

/** `minikube start` for a create (without `--output=json`, which the provider adds to read progress). */
export function minikubeStartArgs(spec: CreateSpec): string[] {
  const args = ['start', '-p', spec.name]
  if (spec.driver) args.push(`--driver=${spec.driver}`)
  if (spec.kubernetesVersion) args.push(`--kubernetes-version=${spec.kubernetesVersion}`)
  if (spec.nodes !== undefined) args.push(`--nodes=${spec.nodes}`)
  if (spec.cpus !== undefined) args.push(`--cpus=${spec.cpus}`)
  if (spec.memoryMb !== undefined) args.push(`--memory=${spec.memoryMb}`)
  // --addons is a string slice: one flag per addon reads unambiguously.
  for (const addon of spec.addons ?? []) args.push(`--addons=${addon}`)
  return args
}
