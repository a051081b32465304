import type { ResourceDef } from '../api/resources'
import { groupVersion } from '../api/resources'
import type { FieldRequirement, LabelRequirement } from '../api/selectors'
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from '../api/selectors'
import { badRequest, expired } from '../api/status'
import { firstAfter, type IndexedKey } from '../store/key-index'
import { servedBytes } from '../crd/versions'
import type { Entry, Store } from '../store/store'
import type { KObj } from '../types'

// LIST: selectors, stable key order and limit/continue paging over the current state.
export interface ListQuery {
  labels: LabelRequirement[]
  fields: FieldRequirement[]
}

export function parseListQuery(r: ResourceDef, query: URLSearchParams): ListQuery {
  return {
    labels: parseLabelSelector(query.get('labelSelector') ?? ''),
    fields: parseFieldSelector(query.get('fieldSelector') ?? '', r.fieldLabels),
  }
}

export function matches(q: ListQuery, obj: KObj): boolean {
  if (q.labels.length > 0 && !matchesLabels(q.labels, obj.metadata.labels)) return false
  return q.fields.length === 0 || matchesFields(q.fields, obj)
}

function keyOf(obj: KObj): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`
}

export interface ListPage {
  entries: Entry[]
  resourceVersion: string
  continueToken?: string
  remaining?: number
}

function decodeContinue(token: string): { rv: number; after: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      rv?: unknown
      after?: unknown
    }
    if (typeof parsed.rv === 'number' && typeof parsed.after === 'string')
      return { rv: parsed.rv, after: parsed.after }
  } catch {
    // fall through to the BadRequest below
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  )
}

function countMatches(
  store: Store,
  r: ResourceDef,
  q: ListQuery,
  keys: readonly IndexedKey[],
  from: number,
): number {
  let n = 0
  for (let i = from; i < keys.length; i++) {
    const k = keys[i]
    const e = k && store.get(r, k.namespace, k.name)
    if (e && matches(q, e.obj)) n++
  }
  return n
}

export function listPage(store: Store, r: ResourceDef, namespace: string, query: URLSearchParams): ListPage {
  const q = parseListQuery(r, query)
  const token = query.get('continue')
  const start = token ? decodeContinue(token) : undefined
  if (start && start.rv < store.oldestResumable) {
    throw expired('The provided continue parameter is too old to display a consistent list result.')
  }
  const limit = Number(query.get('limit') ?? 0)
  const keys = store.sortedKeys(r, namespace || undefined)
  const filtered = q.labels.length > 0 || q.fields.length > 0
  const out: Entry[] = []
  const rv = start?.rv ?? store.resourceVersion
  let i = start ? firstAfter(keys, start.after) : 0
  for (; i < keys.length; i++) {
    const k = keys[i]
    const e = k && store.get(r, k.namespace, k.name)
    if (!e) continue
    if (filtered && !matches(q, e.obj)) continue
    if (limit > 0 && out.length >= limit) break
    out.push(e)
  }
  if (limit > 0 && i < keys.length) {
    const last = out[out.length - 1]
    // Without selectors every key left is an item left, so counting them needs no scan.
    const more = filtered ? countMatches(store, r, q, keys, i) : keys.length - i
    if (last && more > 0) {
      const continueToken = Buffer.from(JSON.stringify({ rv, after: keyOf(last.obj) })).toString('base64url')
      return { entries: out, resourceVersion: String(rv), continueToken, remaining: more }
    }
  }
  return { entries: out, resourceVersion: String(rv) }
}

const COMMA = Buffer.from(',')

// The list as buffer pieces (cached per object) so a 10k-item LIST is written without copying items.
export function listBody(r: ResourceDef, page: ListPage): Buffer[] {
  const meta = {
    resourceVersion: page.resourceVersion,
    ...(page.continueToken ? { continue: page.continueToken, remainingItemCount: page.remaining } : {}),
  }
  const listKind = r.custom?.listKind ?? `${r.kind}List`
  const head = `{"kind":"${listKind}","apiVersion":"${groupVersion(r)}","metadata":${JSON.stringify(meta)},"items":[`
  const parts: Buffer[] = [Buffer.from(head)]
  page.entries.forEach((e, i) => {
    if (i > 0) parts.push(COMMA)
    parts.push(servedBytes(r, e))
  })
  parts.push(Buffer.from(']}'))
  return parts
}
