import { isRecord } from '../types'

// The JSONPath subset CRD printer columns and selectable fields use (kubectl's k8s.io/client-go/util/jsonpath
// for simple paths): `.a.b`, `['a.b']`, `[0]`, `[*]` and `[?(@.type=="Ready")]` filters.
type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'filter'; path: string[]; op: '==' | '!='; value: string }

function unquote(text: string): string {
  const t = text.trim()
  if ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"'))) return t.slice(1, -1)
  return t
}

export function parseJsonPath(expr: string): Step[] | undefined {
  let text = expr.trim()
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1)
  if (text.startsWith('$')) text = text.slice(1)
  const steps: Step[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '.') {
      const m = /^\.([^.[\]]+)/.exec(text.slice(i))
      if (!m?.[1]) return undefined
      steps.push({ kind: 'field', name: m[1] })
      i += m[0].length
    } else if (ch === '[') {
      const end = text.indexOf(']', i)
      if (end < 0) return undefined
      const inner = text.slice(i + 1, end).trim()
      i = end + 1
      if (inner === '*') steps.push({ kind: 'all' })
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) })
      else if (inner.startsWith('?(')) {
        const m = /^\?\(@((?:\.[^.=!\s]+)+)\s*(==|!=)\s*(.+)\)$/.exec(inner)
        if (!m?.[1] || !m[3]) return undefined
        steps.push({
          kind: 'filter',
          path: m[1].slice(1).split('.'),
          op: m[2] as '==' | '!=',
          value: unquote(m[3]),
        })
      } else steps.push({ kind: 'field', name: unquote(inner) })
    } else return undefined
  }
  return steps
}

function readPath(value: unknown, path: string[]): unknown {
  let cur = value
  for (const key of path) cur = isRecord(cur) && Object.hasOwn(cur, key) ? cur[key] : undefined
  return cur
}

// Every value the path reaches, in document order (missing keys give no result, as AllowMissingKeys does).
export function evalJsonPath(steps: Step[], root: unknown): unknown[] {
  let current: unknown[] = [root]
  for (const step of steps) {
    const next: unknown[] = []
    for (const v of current) {
      if (step.kind === 'field') {
        if (isRecord(v) && Object.hasOwn(v, step.name) && v[step.name] !== undefined) next.push(v[step.name])
      } else if (step.kind === 'index') {
        if (Array.isArray(v)) {
          const item = v[step.index < 0 ? v.length + step.index : step.index]
          if (item !== undefined) next.push(item)
        }
      } else if (step.kind === 'all') {
        if (Array.isArray(v)) next.push(...v)
        else if (isRecord(v)) next.push(...Object.values(v))
      } else if (Array.isArray(v)) {
        for (const item of v) {
          const found = readPath(item, step.path)
          const text = typeof found === 'string' ? found : JSON.stringify(found)
          if ((text === step.value) === (step.op === '==')) next.push(item)
        }
      }
    }
    current = next
  }
  return current
}
