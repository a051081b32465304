import { formatLabelSelector } from '@shared/format-selector'
import type { LabelSelectorSpec } from '../types'
import { badRequest } from './status'

// Label and field selector parsing/matching (apimachinery's string syntax).
export type LabelRequirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string }

export type Labels = Record<string, string> | undefined

function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}

export function parseLabelSelector(text: string): LabelRequirement[] {
  return splitTopLevel(text).map((part) => {
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part)
    if (set) {
      const values = (set[3] ?? '').split(',').map((v) => v.trim())
      return { op: set[2] === 'in' ? 'in' : 'notin', key: set[1] ?? '', values }
    }
    const cmp = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part)
    if (cmp) return { op: cmp[2] === '!=' ? 'neq' : 'eq', key: cmp[1] ?? '', value: cmp[3] ?? '' }
    if (/^![^!=\s]+$/.test(part)) return { op: 'notexists', key: part.slice(1) }
    if (/^[^!=\s()]+$/.test(part)) return { op: 'exists', key: part }
    throw badRequest(`unable to parse requirement: ${part}`)
  })
}

export function matchesLabels(reqs: LabelRequirement[], labels: Labels): boolean {
  for (const r of reqs) {
    // Own keys only: a selector on "constructor" must not find Object.prototype.constructor.
    const v = labels && Object.hasOwn(labels, r.key) ? labels[r.key] : undefined
    switch (r.op) {
      case 'eq':
        if (v !== r.value) return false
        break
      case 'neq':
        if (v === r.value) return false
        break
      case 'in':
        if (v === undefined || !r.values.includes(v)) return false
        break
      case 'notin':
        if (v !== undefined && r.values.includes(v)) return false
        break
      case 'exists':
        if (v === undefined) return false
        break
      case 'notexists':
        if (v !== undefined) return false
        break
    }
  }
  return true
}

export function selectorFromSpec(spec: LabelSelectorSpec | undefined): LabelRequirement[] {
  const reqs: LabelRequirement[] = []
  for (const [key, value] of Object.entries(spec?.matchLabels ?? {})) reqs.push({ op: 'eq', key, value })
  for (const e of spec?.matchExpressions ?? []) {
    const op = e.operator.toLowerCase()
    if (op === 'in' || op === 'notin') reqs.push({ op, key: e.key, values: e.values ?? [] })
    else if (op === 'exists') reqs.push({ op: 'exists', key: e.key })
    else if (op === 'doesnotexist') reqs.push({ op: 'notexists', key: e.key })
  }
  return reqs
}

// The API server prints a selector (Scale status, table columns) with the same apimachinery code as kubectl.
export function selectorToString(spec: LabelSelectorSpec | undefined): string {
  return formatLabelSelector(spec)
}

export interface FieldRequirement {
  field: string
  value: string
  negate: boolean
}

export function parseFieldSelector(text: string, supported: string[]): FieldRequirement[] {
  return splitTopLevel(text).map((part) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(part)
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`)
    const field = (m[1] ?? '').trim()
    if (field !== 'metadata.name' && field !== 'metadata.namespace' && !supported.includes(field)) {
      throw badRequest(`field label not supported: ${field}`)
    }
    return { field, value: (m[3] ?? '').trim(), negate: m[2] === '!=' }
  })
}

function fieldValue(obj: Record<string, unknown>, path: string): string {
  if (path === 'source') return String(readPath(obj, 'source.component') ?? '')
  const v = readPath(obj, path)
  if (v === undefined || v === null)
    return path === 'spec.unschedulable' || path === 'spec.hostNetwork' ? 'false' : ''
  return String(v)
}

function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

export function matchesFields(reqs: FieldRequirement[], obj: Record<string, unknown>): boolean {
  for (const r of reqs) {
    const equal = fieldValue(obj, r.field) === r.value
    if (equal === r.negate) return false
  }
  return true
}
