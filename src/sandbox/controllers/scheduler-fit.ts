import { milliValue, quantityValue } from '../api/quantity'
import type { KObj, Pod } from '../types'
import { isRecord } from '../types'
import type { Taint, Toleration } from '../types-apps'

export type { Taint, Toleration }

// kube-scheduler's default filter plugins, pure: NodeUnschedulable, TaintToleration, NodeAffinity and
// NodeResourcesFit, with the reason texts FitError joins into "0/3 nodes are available: ...". The DaemonSet
// controller asks the same node predicates (component-helpers' scheduling/corev1), so they live here once.

export interface Requests {
  cpu: number // millicores
  memory: number // bytes
}

interface NodeFailure {
  reasons: string[]
  // UnschedulableAndUnresolvable: preemption cannot help
  unresolvable: boolean
}

function list<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : []
}

function containerRequests(c: unknown): Requests {
  const res = isRecord(c) && isRecord(c.resources) ? c.resources : {}
  const req = isRecord(res.requests) ? res.requests : {}
  return { cpu: milliValue(req.cpu), memory: quantityValue(req.memory) }
}

// Sum over containers, at least the largest init container (computePodResourceRequest).
export function podRequests(pod: Pod): Requests {
  const sum = { cpu: 0, memory: 0 }
  for (const c of pod.spec.containers) {
    const r = containerRequests(c)
    sum.cpu += r.cpu
    sum.memory += r.memory
  }
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c)
    sum.cpu = Math.max(sum.cpu, r.cpu)
    sum.memory = Math.max(sum.memory, r.memory)
  }
  return sum
}

export function nodeAllocatable(node: KObj): Requests {
  const status = isRecord(node.status) ? node.status : {}
  const alloc = isRecord(status.allocatable) ? status.allocatable : {}
  return { cpu: milliValue(alloc.cpu), memory: quantityValue(alloc.memory) }
}

export function nodeTaints(node: KObj): Taint[] {
  return list<Taint>(isRecord(node.spec) ? node.spec.taints : undefined)
}

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.operator === 'Exists') return !t.key || t.key === taint.key
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
}

export function podTolerations(pod: Pod): Toleration[] {
  return list<Toleration>(pod.spec.tolerations)
}

function matchExpression(labels: Record<string, string>, e: Record<string, unknown>): boolean {
  const key = String(e.key ?? '')
  const values = list<string>(e.values)
  const has = Object.prototype.hasOwnProperty.call(labels, key)
  const value = labels[key]
  switch (e.operator) {
    case 'In':
      return has && values.includes(value ?? '')
    case 'NotIn':
      return !has || !values.includes(value ?? '')
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
    case 'Lt': {
      const n = Number(value)
      const bound = Number(values[0])
      if (!has || Number.isNaN(n) || Number.isNaN(bound)) return false
      return e.operator === 'Gt' ? n > bound : n < bound
    }
    default:
      return false
  }
}

function requiredTerms(spec: Record<string, unknown>): Array<Record<string, unknown>> | undefined {
  const affinity = isRecord(spec.affinity) ? spec.affinity : {}
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : {}
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
  return isRecord(required) ? list<Record<string, unknown>>(required.nodeSelectorTerms) : undefined
}

/** nodeSelector and required node affinity (labels, and the metadata.name field) of a pod spec. */
export function fitsNodeSelector(spec: Record<string, unknown>, node: KObj): boolean {
  const labels = node.metadata.labels ?? {}
  const selector = isRecord(spec.nodeSelector) ? spec.nodeSelector : {}
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false
  const terms = requiredTerms(spec)
  if (!terms) return true
  const fields = { 'metadata.name': node.metadata.name }
  // terms are ORed, the expressions of one term ANDed
  return terms.some((term) => {
    const exprs = list<Record<string, unknown>>(term.matchExpressions)
    const fieldExprs = list<Record<string, unknown>>(term.matchFields)
    if (exprs.length === 0 && fieldExprs.length === 0) return false
    return (
      exprs.every((e) => matchExpression(labels, e)) && fieldExprs.every((e) => matchExpression(fields, e))
    )
  })
}

/** The node's taints with the given effects that the tolerations leave uncovered. */
export function untoleratedTaints(tolerations: Toleration[], node: KObj, effects: string[]): Taint[] {
  return nodeTaints(node).filter(
    (taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)),
  )
}

/** The node a DaemonSet pod is pinned to through its metadata.name node-affinity field. */
export function pinnedNode(spec: Record<string, unknown>): string | undefined {
  for (const term of requiredTerms(spec) ?? []) {
    for (const r of list<Record<string, unknown>>(term.matchFields)) {
      const values = list<string>(r.values)
      if (r.key === 'metadata.name' && r.operator === 'In' && values.length === 1) return values[0]
    }
  }
  return undefined
}

// The first filter that rejects the node, as the framework stops at the first failing plugin.
export function nodeFailure(pod: Pod, node: KObj, used: Requests): NodeFailure | undefined {
  const tolerations = podTolerations(pod)
  const spec = isRecord(node.spec) ? node.spec : {}
  const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }
  if (spec.unschedulable === true && !tolerations.some((t) => tolerates(t, unschedulableTaint)))
    return { reasons: ['node(s) were unschedulable'], unresolvable: true }
  const [blocking] = untoleratedTaints(tolerations, node, ['NoSchedule', 'NoExecute'])
  if (blocking)
    return {
      reasons: [`node(s) had untolerated taint {${blocking.key}: ${blocking.value ?? ''}}`],
      unresolvable: true,
    }
  if (!fitsNodeSelector(pod.spec, node))
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true }
  const want = podRequests(pod)
  const alloc = nodeAllocatable(node)
  const reasons: string[] = []
  if (want.cpu > 0 && want.cpu > alloc.cpu - used.cpu) reasons.push('Insufficient cpu')
  if (want.memory > 0 && want.memory > alloc.memory - used.memory) reasons.push('Insufficient memory')
  return reasons.length > 0 ? { reasons, unresolvable: false } : undefined
}

function histogram(counts: Map<string, number>): string {
  return [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ')
}

// FitError.Error(): the filter reasons, then what preemption found, both as sorted histograms.
export function fitErrorMessage(failures: NodeFailure[]): string {
  const total = failures.length
  if (total === 0) return 'no nodes available to schedule pods'
  const reasons = new Map<string, number>()
  const preemption = new Map<string, number>()
  for (const f of failures) {
    for (const r of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1)
    const p = f.unresolvable
      ? 'Preemption is not helpful for scheduling'
      : 'No preemption victims found for incoming pod'
    preemption.set(p, (preemption.get(p) ?? 0) + 1)
  }
  return `0/${total} nodes are available: ${histogram(reasons)}. preemption: 0/${total} nodes are available: ${histogram(preemption)}.`
}
