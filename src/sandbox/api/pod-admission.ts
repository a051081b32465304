import { isRecord, recordAt } from '../types'

// What kube-apiserver adds to a new Pod beyond field defaults: requests copied from limits
// (SetDefaults_Pod), the DefaultTolerationSeconds admission plugin's NoExecute tolerations, and the QoS class.

const NO_EXECUTE_DEFAULTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']

function containersOf(spec: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const list = spec[key]
  return Array.isArray(list) ? list.filter(isRecord) : []
}

function requestsFromLimits(c: Record<string, unknown>): void {
  const resources = recordAt(c, 'resources')
  if (!isRecord(resources.limits)) return
  const requests = recordAt(resources, 'requests')
  for (const [name, value] of Object.entries(resources.limits))
    if (requests[name] === undefined) requests[name] = value
}

function tolerates(tolerations: unknown[], key: string): boolean {
  return tolerations.some(
    (t) =>
      isRecord(t) &&
      (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute') &&
      (t.key === key || ((t.key === undefined || t.key === '') && t.operator === 'Exists')),
  )
}

function addDefaultTolerations(spec: Record<string, unknown>): void {
  const tolerations = Array.isArray(spec.tolerations) ? [...(spec.tolerations as unknown[])] : []
  for (const key of NO_EXECUTE_DEFAULTS) {
    if (tolerates(tolerations, key)) continue
    tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  }
  spec.tolerations = tolerations
}

// v1qos.GetPodQOS over cpu and memory.
export function qosClass(spec: Record<string, unknown>): string {
  const all = [...containersOf(spec, 'containers'), ...containersOf(spec, 'initContainers')]
  let any = false
  let guaranteed = true
  for (const c of all) {
    const res = isRecord(c.resources) ? c.resources : {}
    const req = isRecord(res.requests) ? res.requests : {}
    const lim = isRecord(res.limits) ? res.limits : {}
    for (const name of ['cpu', 'memory']) {
      if (req[name] !== undefined || lim[name] !== undefined) any = true
      if (lim[name] === undefined || (req[name] !== undefined && String(req[name]) !== String(lim[name])))
        guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function admitPod(obj: Record<string, unknown>): void {
  const spec = recordAt(obj, 'spec')
  for (const key of ['containers', 'initContainers'])
    for (const c of containersOf(spec, key)) requestsFromLimits(c)
  addDefaultTolerations(spec)
  const status = recordAt(obj, 'status')
  if (status.qosClass === undefined) status.qosClass = qosClass(spec)
}
