import { useQueryClient } from '@tanstack/react-query'
import type { Row } from '@shared/rows'
import { useActiveContext } from '../../contexts/active-context'
import { kindNames } from '../../resources/kind-names'
import type { RowSet } from '../../resources/fold'
import { requestIntent } from '../intents'
import { goToSection, kindPlaces } from '../places'
import type { PaletteEntry, PaletteProvider } from '../types'

const MAX_OBJECTS = 40

/** Opens an object in its list's detail panel, switching section and tab first. */
export function openObject(context: string | undefined, row: Pick<Row, 'kind' | 'namespace' | 'name'>): void {
  const place = kindPlaces[row.kind]
  const ref = row.namespace
    ? { kind: row.kind, namespace: row.namespace, name: row.name }
    : { kind: row.kind, name: row.name }
  goToSection(place.section)
  requestIntent(...(place.tab ? [{ type: 'show-tab' as const, tab: place.tab }] : []), {
    type: 'open-object',
    context,
    ref,
  })
}

/**
 * Objects by name, from the rows the app already watches for the active context (no new request). Only with a
 * query: listing every pod of a big cluster unasked helps no one. Events are left out (their names are noise).
 */
export const objectsProvider: PaletteProvider = {
  id: 'objects',
  order: 50,
  useEntries: ({ text }) => {
    const client = useQueryClient()
    const context = useActiveContext().name
    if (!text) return []
    const seen = new Set<string>()
    const entries: PaletteEntry[] = []
    for (const query of client.getQueryCache().findAll({ queryKey: ['resources.watch', context ?? ''] })) {
      for (const row of query.state.data ? (query.state.data as RowSet).rows : []) {
        if (row.kind === 'events' || !row.name.toLowerCase().includes(text)) continue
        const id = `object:${row.kind}/${row.namespace ?? ''}/${row.name}`
        if (seen.has(id)) continue
        seen.add(id)
        entries.push({
          id,
          group: 'Objects',
          title: row.name,
          detail: `${kindNames[row.kind].singular}${row.namespace ? ` in ${row.namespace}` : ''}`,
          run: () => openObject(context, row),
        })
        if (entries.length >= MAX_OBJECTS) return entries
      }
    }
    return entries
  },
}
