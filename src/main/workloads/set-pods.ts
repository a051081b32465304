import { AppsV1Api, CoreV1Api, type V1DaemonSet, type V1StatefulSet } from '@kubernetes/client-node'
import type { SetPods } from '@shared/contract'
import { formatLabelSelector } from '@shared/format-selector'
import type { ActionDeps } from './deps'
import { kubeCall } from '../errors/policy'
import { summarizePod } from './job-summary'

/** A StatefulSet's pods in ordinal order (`web-0`, `web-1`, …) or a DaemonSet's, one per node, by node. */
export async function setPods(
  deps: ActionDeps,
  input: { context?: string; namespace: string; name: string; resource: 'statefulsets' | 'daemonsets' },
): Promise<SetPods> {
  const config = await deps.getKubeConfig(input.context)
  const apps = config.makeApiClient(AppsV1Api)
  const core = config.makeApiClient(CoreV1Api)
  const ref = { name: input.name, namespace: input.namespace }
  const sts = input.resource === 'statefulsets'
  const set: V1StatefulSet | V1DaemonSet = await kubeCall<V1StatefulSet | V1DaemonSet>(
    `read ${sts ? 'stateful' : 'daemon'} set "${input.name}"`,
    () => (sts ? apps.readNamespacedStatefulSet(ref) : apps.readNamespacedDaemonSet(ref)),
  )
  const selector = formatLabelSelector(set.spec?.selector)
  const list = await kubeCall(`list the pods of "${input.name}"`, () =>
    core.listNamespacedPod({ namespace: input.namespace, labelSelector: selector }),
  )
  const uid = set.metadata?.uid
  const pods = list.items
    .filter((p) => p.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid))
    .map((p) => {
      const tail = /-(\d+)$/.exec(p.metadata?.name ?? '')
      const ready = (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
      return { ...summarizePod(p), ready, ...(sts && tail ? { ordinal: Number(tail[1]) } : {}) }
    })
    .sort((a, b) => (sts ? (a.ordinal ?? 0) - (b.ordinal ?? 0) : (a.node ?? '').localeCompare(b.node ?? '')))
  const st = set.status as
    | {
        replicas?: number
        desiredNumberScheduled?: number
        readyReplicas?: number
        numberReady?: number
        updatedReplicas?: number
        updatedNumberScheduled?: number
      }
    | undefined
  const spec = set.spec as { replicas?: number } | undefined
  return {
    desired: sts ? (spec?.replicas ?? 1) : (st?.desiredNumberScheduled ?? 0),
    ready: (sts ? st?.readyReplicas : st?.numberReady) ?? 0,
    updated: (sts ? st?.updatedReplicas : st?.updatedNumberScheduled) ?? 0,
    pods,
  }
}
