import type { ContainerSpec, Deployment, KObj, Pod, ReplicaSet, Service } from '../types'
import { isRecord } from '../types'
import { ageOf } from './age'
import { selectorToString } from './selectors'

// kubectl's server-side printer columns (pkg/printers/internalversion) for the kinds the sandbox serves.
export interface ColumnDef {
  name: string
  type: string
  format: string
  description: string
  priority: number
}

type Cell = string | number | boolean | null
export interface KindPrinter {
  columns: ColumnDef[]
  cells(obj: KObj, now: number): Cell[]
}

function col(name: string, type = 'string', priority = 0, format = ''): ColumnDef {
  return { name, type, format, description: name, priority }
}
const NAME = col('Name', 'string', 0, 'name')
const AGE = col('Age')

function containerInfo(template: { spec?: { containers?: ContainerSpec[] } } | undefined): [string, string] {
  const cs = template?.spec?.containers ?? []
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')]
}

function orNone(text: string | undefined): string {
  return text ? text : '<none>'
}

export function podStatusText(pod: Pod): string {
  let reason = pod.status?.reason ?? pod.status?.phase ?? 'Pending'
  let hasRunning = false
  const statuses = pod.status?.containerStatuses ?? []
  for (let i = statuses.length - 1; i >= 0; i--) {
    const st = statuses[i]
    if (!st) continue
    if (st.state.waiting?.reason) reason = st.state.waiting.reason
    else if (st.state.terminated?.reason) reason = st.state.terminated.reason
    else if (st.state.terminated) reason = `ExitCode:${st.state.terminated.exitCode}`
    else if (st.ready && st.state.running) hasRunning = true
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
    reason = ready ? 'Running' : 'NotReady'
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating'
  return reason
}

export function podRestarts(pod: Pod, now: number): string {
  let restarts = 0
  let last = 0
  for (const st of pod.status?.containerStatuses ?? []) {
    restarts += st.restartCount
    const finished = st.lastState.terminated?.finishedAt
    if (finished) last = Math.max(last, Date.parse(finished))
  }
  return last > 0 && restarts > 0
    ? `${restarts} (${ageOf(new Date(last).toISOString(), now)} ago)`
    : String(restarts)
}

const pod: KindPrinter = {
  columns: [
    NAME,
    col('Ready'),
    col('Status'),
    col('Restarts'),
    AGE,
    col('IP', 'string', 1),
    col('Node', 'string', 1),
    col('Nominated Node', 'string', 1),
    col('Readiness Gates', 'string', 1),
  ],
  cells(obj, now) {
    const p = obj as Pod
    const statuses = p.status?.containerStatuses ?? []
    const total = p.spec.containers.length
    const ready = statuses.filter((s) => s.ready).length
    const ip = p.status?.podIP
    return [
      p.metadata.name,
      `${ready}/${total}`,
      podStatusText(p),
      podRestarts(p, now),
      ageOf(p.metadata.creationTimestamp, now),
      orNone(ip),
      orNone(p.spec.nodeName),
      '<none>',
      '<none>',
    ]
  },
}

const deployment: KindPrinter = {
  columns: [
    NAME,
    col('Ready'),
    col('Up-to-date', 'integer'),
    col('Available', 'integer'),
    AGE,
    col('Containers', 'string', 1),
    col('Images', 'string', 1),
    col('Selector', 'string', 1),
  ],
  cells(obj, now) {
    const d = obj as Deployment
    const [names, images] = containerInfo(d.spec.template)
    return [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      ageOf(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorToString(d.spec.selector),
    ]
  },
}

const replicaSet: KindPrinter = {
  columns: [
    NAME,
    col('Desired', 'integer'),
    col('Current', 'integer'),
    col('Ready', 'integer'),
    AGE,
    col('Containers', 'string', 1),
    col('Images', 'string', 1),
    col('Selector', 'string', 1),
  ],
  cells(obj, now) {
    const rs = obj as ReplicaSet
    const [names, images] = containerInfo(rs.spec.template)
    return [
      rs.metadata.name,
      rs.spec.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      ageOf(rs.metadata.creationTimestamp, now),
      names,
      images,
      selectorToString(rs.spec.selector),
    ]
  },
}

function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? []
  if (ports.length === 0) return '<none>'
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',')
}

function externalIp(svc: Service): string {
  const ext = svc.spec.externalIPs ?? []
  if (svc.spec.type === 'LoadBalancer') {
    const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '')
    const all = [...ingress, ...ext]
    return all.length > 0 ? all.join(',') : '<pending>'
  }
  if (svc.spec.type === 'ExternalName') return String(svc.spec.externalName ?? '<none>')
  return ext.length > 0 ? ext.join(',') : '<none>'
}

const service: KindPrinter = {
  columns: [
    NAME,
    col('Type'),
    col('Cluster-IP'),
    col('External-IP'),
    col('Port(s)'),
    AGE,
    col('Selector', 'string', 1),
  ],
  cells(obj, now) {
    const svc = obj as Service
    const selector = Object.entries(svc.spec.selector ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
    return [
      svc.metadata.name,
      svc.spec.type ?? 'ClusterIP',
      orNone(svc.spec.clusterIP),
      externalIp(svc),
      servicePorts(svc),
      ageOf(svc.metadata.creationTimestamp, now),
      orNone(selector),
    ]
  },
}

function countKeys(value: unknown): number {
  return isRecord(value) ? Object.keys(value).length : 0
}

const simple = (extra: (obj: KObj) => Cell[], extraCols: ColumnDef[]): KindPrinter => ({
  columns: [NAME, ...extraCols, AGE],
  cells: (obj, now) => [obj.metadata.name, ...extra(obj), ageOf(obj.metadata.creationTimestamp, now)],
})

export const PRINTERS: Record<string, KindPrinter> = {
  Pod: pod,
  Deployment: deployment,
  ReplicaSet: replicaSet,
  Service: service,
  ConfigMap: simple((o) => [countKeys(o.data) + countKeys(o.binaryData)], [col('Data', 'integer')]),
  Secret: simple(
    (o) => [String(o.type ?? 'Opaque'), countKeys(o.data)],
    [col('Type'), col('Data', 'integer')],
  ),
  Namespace: simple((o) => [String((isRecord(o.status) && o.status.phase) || 'Active')], [col('Status')]),
  Endpoints: simple((o) => [endpointsText(o)], [col('Endpoints')]),
}

function endpointsText(obj: KObj): string {
  const subsets = Array.isArray(obj.subsets) ? obj.subsets : []
  const parts: string[] = []
  for (const s of subsets) {
    if (!isRecord(s)) continue
    const addrs = Array.isArray(s.addresses) ? s.addresses : []
    const ports = Array.isArray(s.ports) ? s.ports : []
    for (const a of addrs) {
      for (const p of ports) if (isRecord(a) && isRecord(p)) parts.push(`${String(a.ip)}:${String(p.port)}`)
    }
  }
  if (parts.length === 0) return '<none>'
  return parts.length > 3 ? `${parts.slice(0, 3).join(',')} + ${parts.length - 3} more...` : parts.join(',')
}
