import {
  AutoscalingV2Api,
  CoreV1Api,
  type V2MetricSpec,
  type V2MetricStatus,
  type V2MetricTarget,
  type V2MetricValueStatus,
} from '@kubernetes/client-node'
import type { HpaMetric, HpaState } from '@shared/contract'
import type { ActionDeps } from './deps'
import { kubeCall } from '../errors/policy'

type Quantity = string | number | undefined

function value(v: V2MetricTarget | V2MetricValueStatus | undefined): string | undefined {
  if (!v) return undefined
  if (v.averageUtilization !== undefined) return `${v.averageUtilization}%`
  const q: Quantity = v.averageValue ?? v.value
  return q === undefined ? undefined : String(q)
}

function nameOf(m: V2MetricSpec | V2MetricStatus): string {
  return (
    m.resource?.name ??
    m.containerResource?.name ??
    m.pods?.metric.name ??
    m.object?.metric.name ??
    m.external?.metric.name ??
    m.type
  )
}

const targetOf = (m: V2MetricSpec): V2MetricTarget | undefined =>
  m.resource?.target ??
  m.containerResource?.target ??
  m.pods?.target ??
  m.object?.target ??
  m.external?.target

const currentOf = (m: V2MetricStatus): V2MetricValueStatus | undefined =>
  m.resource?.current ??
  m.containerResource?.current ??
  m.pods?.current ??
  m.object?.current ??
  m.external?.current

/** Pairs each spec metric with the status metric of the same type and name (`kubectl get hpa`'s TARGETS). */
export function pairMetrics(spec: V2MetricSpec[], status: V2MetricStatus[]): HpaMetric[] {
  return spec.map((m) => {
    const now = status.find((s) => s.type === m.type && nameOf(s) === nameOf(m))
    const current = value(now && currentOf(now))
    return { name: nameOf(m), target: value(targetOf(m)) ?? '<unknown>', ...(current ? { current } : {}) }
  })
}

const RESCALE = /^New size: (\d+); reason: (.*)$/

/** An autoscaler's metrics against its targets, its replica bounds, and its rescales as replicas over time. */
export async function hpaState(
  deps: ActionDeps,
  input: { context?: string; namespace: string; name: string },
): Promise<HpaState> {
  const config = await deps.getKubeConfig(input.context)
  const hpaApi = config.makeApiClient(AutoscalingV2Api)
  const core = config.makeApiClient(CoreV1Api)
  const doing = `read autoscaler "${input.name}"`
  const [hpa, events] = await Promise.all([
    kubeCall(doing, () =>
      hpaApi.readNamespacedHorizontalPodAutoscaler({ name: input.name, namespace: input.namespace }),
    ),
    kubeCall(doing, () =>
      core.listNamespacedEvent({
        namespace: input.namespace,
        fieldSelector: `involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=${input.name},reason=SuccessfulRescale`,
      }),
    ),
  ])
  const rescales: HpaState['rescales'] = []
  for (const e of events.items) {
    const m = RESCALE.exec(e.message ?? '')
    const at = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp
    if (m && at) rescales.push({ at: new Date(at).toISOString(), size: Number(m[1]), reason: m[2]! })
  }
  rescales.sort((a, b) => a.at.localeCompare(b.at))
  const ref = hpa.spec?.scaleTargetRef
  return {
    scaleTarget: ref ? `${ref.kind}/${ref.name}` : '',
    minReplicas: hpa.spec?.minReplicas ?? 1,
    maxReplicas: hpa.spec?.maxReplicas ?? 0,
    currentReplicas: hpa.status?.currentReplicas ?? 0,
    desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    metrics: pairMetrics(hpa.spec?.metrics ?? [], hpa.status?.currentMetrics ?? []),
    rescales,
  }
}
