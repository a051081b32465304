import type { ResourceKind, Row } from '@shared/rows'
import { projectors, type WireObject } from './rows'

/** One page of a LIST, decoded: its items projected to rows of `kind`, with the list's metadata. */
export interface DecodedRows {
  rows: Row[]
  resourceVersion: string
  continue?: string
}

interface WireList {
  metadata?: { resourceVersion?: string; continue?: string }
  items?: WireObject[]
}

/** The JSON text is not a list (a proxy's HTML page, a truncated body). */
export class NotJson extends Error {}

/**
 * A LIST body (UTF-8 JSON bytes) → rows. The whole object of each item (~2 KB for a pod) lives only inside
 * this call; what leaves it is the row (~300 bytes), which is why it can run on a worker thread and post back
 * only rows. Pure: the same bytes give the same rows on any thread.
 */
export function decodeListRows(body: Uint8Array, kind: ResourceKind): DecodedRows {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
  let list: WireList
  try {
    list = JSON.parse(text) as WireList
  } catch {
    throw new NotJson()
  }
  if (list === null || typeof list !== 'object') throw new NotJson()
  const project = projectors[kind]
  const items = list.items ?? []
  const rows = new Array<Row>(items.length)
  for (let i = 0; i < items.length; i++) rows[i] = project(items[i]!)
  const page: DecodedRows = { rows, resourceVersion: list.metadata?.resourceVersion ?? '' }
  if (list.metadata?.continue) page.continue = list.metadata.continue
  return page
}
