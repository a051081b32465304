import type { ResourceDef } from '../api/resources'
import { groupVersion } from '../api/resources'
import type { FieldRequirement, LabelRequirement } from '../api/selectors'
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from '../api/selectors'
import { badRequest, expired, invalidListOptions, resourceVersionTooLarge } from '../api/status'
import { firstAfter } from '../store/key-index'
import { viewAt } from './list-view'
import { servedParts } from '../crd/versions'
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

// Which state a LIST reads (apimachinery's ValidateListOptions and the storage layer's rules): the newest
// (no resourceVersion, "0", or NotOlderThan one we have), exactly one (Exact, or a resourceVersion with a
// limit, the legacy reading), or a continue token's.
function readAt(store: Store, query: URLSearchParams, token: string | null, limit: number): number {
  const rv = query.get('resourceVersion') ?? ''
  const match = query.get('resourceVersionMatch') ?? ''
  const problems: string[] = []
  if (match) {
    if (!rv) problems.push('Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided')
    if (token) problems.push('Forbidden: resourceVersionMatch is forbidden when continue is provided')
    if (match !== 'Exact' && match !== 'NotOlderThan')
      problems.push(`Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""`)
    else if (match === 'Exact' && rv === '0')
      problems.push('Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"')
  }
  if (problems.length > 0) throw invalidListOptions(problems)
  if (token) {
    if (rv && rv !== '0') throw badRequest('specifying resource version is not allowed when using continue')
    const start = decodeContinue(token)
    if (start.rv < store.oldestResumable) throw expired(CONTINUE_EXPIRED)
    return start.rv
  }
  if (!rv || rv === '0') return store.resourceVersion
  const wanted = Number(rv)
  if (!/^\d+$/.test(rv) || !Number.isSafeInteger(wanted))
    throw badRequest(`resourceVersion: Invalid value: "${rv}": must be a non-negative integer`)
  if (wanted > store.resourceVersion) throw resourceVersionTooLarge(wanted, store.resourceVersion)
  const exact = match === 'Exact' || (match === '' && limit > 0)
  if (!exact) return store.resourceVersion
  if (wanted < store.oldestResumable) throw expired('The resourceVersion for the provided list is too old.')
  return wanted
}

const CONTINUE_EXPIRED = 'The provided continue parameter is too old to display a consistent list result.'

export function listPage(store: Store, r: ResourceDef, namespace: string, query: URLSearchParams): ListPage {
  const q = parseListQuery(r, query)
  const token = query.get('continue')
  const limitParam = Number(query.get('limit') ?? 0)
  const limit = Number.isFinite(limitParam) && limitParam > 0 ? Math.floor(limitParam) : 0
  const rv = readAt(store, query, token, limit)
  const view = viewAt(store, r, namespace || undefined, rv)
  if (view === 'expired')
    throw expired(token ? CONTINUE_EXPIRED : 'The resourceVersion for the provided list is too old.')
  const filtered = q.labels.length > 0 || q.fields.length > 0
  const out: Entry[] = []
  const { keys } = view
  let i = token ? firstAfter(keys, decodeContinue(token).after) : 0
  for (; i < keys.length; i++) {
    const e = view.entry(i)
    if (!e) continue
    if (filtered && !matches(q, e.obj)) continue
    if (limit > 0 && out.length >= limit) break
    out.push(e)
  }
  // The loop stops at the next item that matches, so stopping early means there is more. Like etcd's paging,
  // remainingItemCount is given only without selectors (every key left is an item left; with a selector the
  // real server does not count either).
  const last = out[out.length - 1]
  if (limit > 0 && i < keys.length && last) {
    const continueToken = Buffer.from(JSON.stringify({ rv, after: keyOf(last.obj) })).toString('base64url')
    const page = { entries: out, resourceVersion: String(rv), continueToken }
    return filtered ? page : { ...page, remaining: keys.length - i }
  }
  return { entries: out, resourceVersion: String(rv) }
}

const COMMA = Buffer.from(',')

// The list as buffer pieces (cached per object) so a 10k-item LIST is written without copying items.
export function listBody(r: ResourceDef, page: ListPage): Buffer[] {
  const meta = {
    resourceVersion: page.resourceVersion,
    ...(page.continueToken ? { continue: page.continueToken } : {}),
    ...(page.continueToken && page.remaining !== undefined ? { remainingItemCount: page.remaining } : {}),
  }
  const listKind = r.custom?.listKind ?? `${r.kind}List`
  const head = `{"kind":"${listKind}","apiVersion":"${groupVersion(r)}","metadata":${JSON.stringify(meta)},"items":[`
  const parts: Buffer[] = [Buffer.from(head)]
  page.entries.forEach((e, i) => {
    if (i > 0) parts.push(COMMA)
    for (const p of servedParts(r, e)) parts.push(p)
  })
  parts.push(Buffer.from(']}'))
  return parts
}
