import type { FieldConflict } from '@shared/contract'

interface StatusBody {
  message?: string
  details?: { causes?: { reason?: string; message?: string; field?: string }[] }
}

/**
 * The manager a 409 cause names, and how it wrote: `conflict with "kubectl" with subresource "scale" using
 * apps/v1` → `kubectl (update, scale)`. "using" marks an Update (an edit, a scale), which counts as another
 * manager even when the name is the applier's own.
 */
function managerOf(message: string | undefined): string {
  const text = message ?? ''
  const name = /conflict with "([^"]+)"/.exec(text)?.[1] ?? 'another manager'
  const sub = /with subresource "([^"]+)"/.exec(text)?.[1]
  const how = [/ using /.test(text) ? 'update' : undefined, sub].filter(Boolean)
  return how.length ? `${name} (${how.join(', ')})` : name
}

/** Field conflicts from a server-side apply 409, one per field and manager, in the server's order. */
export function fieldConflicts(body: unknown): FieldConflict[] {
  const status = (typeof body === 'string' ? safeParse(body) : body) as StatusBody | undefined
  const causes = status?.details?.causes ?? []
  return causes
    .filter((c) => c.reason === 'FieldManagerConflict' && c.field)
    .map((c) => ({ field: c.field ?? '', manager: managerOf(c.message) }))
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
