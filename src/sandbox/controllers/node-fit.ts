import type { KObj } from '../types'
import { isRecord } from '../types'
import type { Taint, Toleration } from '../types-apps'

// Node predicates the DaemonSet controller and the scheduler share: nodeSelector, required node affinity
// (labels and metadata.name fields) and taints against tolerations (component-helpers' scheduling/corev1).
interface Requirement {
  key: string
  operator: string
  values?: string[]
}

function requirementMatches(req: Requirement, value: string | undefined): boolean {
  const values = req.values ?? []
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0])
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0])
  }
  return false
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : []
}

function requiredTerms(spec: Record<string, unknown>): Array<Record<string, unknown>> | undefined {
  const affinity = isRecord(spec.affinity) ? spec.affinity : {}
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : {}
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
  return isRecord(required) ? list<Record<string, unknown>>(required.nodeSelectorTerms) : undefined
}

export function fitsNodeSelector(spec: Record<string, unknown>, node: KObj): boolean {
  const labels = node.metadata.labels ?? {}
  const selector = isRecord(spec.nodeSelector) ? spec.nodeSelector : {}
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false
  const terms = requiredTerms(spec)
  if (!terms) return true
  // terms are ORed, requirements within a term ANDed
  return terms.some(
    (term) =>
      list<Requirement>(term.matchExpressions).every((r) => requirementMatches(r, labels[r.key])) &&
      list<Requirement>(term.matchFields).every((r) =>
        requirementMatches(r, r.key === 'metadata.name' ? node.metadata.name : undefined),
      ),
  )
}

export function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (t.key === undefined || t.key === '') return t.operator === 'Exists'
    if (t.key !== taint.key) return false
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '')
  })
}

export function nodeTaints(node: KObj): Taint[] {
  const spec = isRecord(node.spec) ? node.spec : {}
  return list<Taint>(spec.taints)
}

// Taints with the given effects the tolerations leave uncovered.
export function untoleratedTaints(tolerations: Toleration[], node: KObj, effects: string[]): Taint[] {
  return nodeTaints(node).filter((t) => effects.includes(t.effect) && !tolerates(tolerations, t))
}

// The node a DaemonSet pod is pinned to through its metadata.name node-affinity field.
export function pinnedNode(spec: Record<string, unknown>): string | undefined {
  for (const term of requiredTerms(spec) ?? []) {
    for (const r of list<Requirement>(term.matchFields)) {
      if (r.key === 'metadata.name' && r.operator === 'In' && r.values?.length === 1) return r.values[0]
    }
  }
  return undefined
}
