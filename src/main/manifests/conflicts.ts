import type { FieldConflict } from '@shared/contract'

interface StatusBody {
  message?: string
  details?: { causes?: { reason?: string; message?: string; field?: string }[] }
}

/** The manager a 409 cause names: `conflict with "kubectl-client-side-apply" using apps/v1` → that name. */
function managerOf(message: string | undefined): string {
  const m = /conflict with "([^"]+)"/.exec(message ?? '')
  return m?.[1] ?? 'another manager'
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
