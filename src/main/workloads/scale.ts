import { AppsV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { ApiError, replicaProblem, type ScalableKind } from '@shared/contract'
import type { ActionDeps } from './deps'
import { kubeCall } from './kube-error'

export interface ScaleInput {
  context?: string
  kind: ScalableKind
  namespace: string
  name: string
  replicas: number
  confirm?: boolean
}

const singular: Record<ScalableKind, string> = {
  deployments: 'deployment',
  replicasets: 'replica set',
  statefulsets: 'stateful set',
}

/** `kubectl scale`: a merge patch on the scale subresource (client-node would default to a JSON patch). */
export async function scale(deps: ActionDeps, input: ScaleInput): Promise<{ replicas: number }> {
  const problem = replicaProblem(input.replicas, input.confirm === true)
  if (problem) throw new ApiError('BadInput', problem, [{ path: 'replicas', message: problem }])
  const apps = (await deps.getKubeConfig(input.context)).makeApiClient(AppsV1Api)
  const request = {
    name: input.name,
    namespace: input.namespace,
    body: { spec: { replicas: input.replicas } },
  }
  const options = setHeaderOptions('Content-Type', PatchStrategy.MergePatch)
  const doing = `scale ${singular[input.kind]} "${input.name}" to ${input.replicas}`
  const result = await kubeCall(doing, () => {
    if (input.kind === 'deployments') return apps.patchNamespacedDeploymentScale(request, options)
    if (input.kind === 'replicasets') return apps.patchNamespacedReplicaSetScale(request, options)
    return apps.patchNamespacedStatefulSetScale(request, options)
  })
  return { replicas: result.spec?.replicas ?? input.replicas }
}
