import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiKind } from '@shared/contract'
import { api } from '../../api/client'
import { useActiveContext } from '../../contexts/active-context'
import { requestIntent } from '../../palette/intents'
import { goToSection, kindPlaces } from '../../palette/places'
import type { PaletteEntry, PaletteProvider } from '../../palette/types'
import { kindLabel } from '../../sidebar/KindNav'
import { useCatalog } from './catalog-store'
import { kindHash, openApiObject, seedKinds } from './routes'

/** Opens a kind's list: its dedicated view (and tab) when it has one, else the generic view. */
export function openKind(k: ApiKind): void {
  const seed = seedKinds[k.id]
  if (!seed) return void (window.location.hash = kindHash(k.id))
  const place = kindPlaces[seed]
  goToSection(place.section)
  if (place.tab) requestIntent({ type: 'show-tab', tab: place.tab })
}

/** Every name kubectl accepts for a kind: `:sts`, `:statefulset`, `:statefulsets`, `:statefulsets.apps`. */
export function kindNames(k: ApiKind): string[] {
  return [...new Set([...k.shortNames, k.singular, k.resource, k.id, k.kind.toLowerCase()])]
}

/**
 * "Go to" any kind the cluster serves, k9s style: `:sts`, `:po`, `:widgets`. Listed only once something is
 * typed (a cluster serves dozens of kinds); a `:` query matches kubectl's names for a kind.
 */
export const kindsProvider: PaletteProvider = {
  id: 'kinds',
  order: 25,
  useEntries: ({ text }) => {
    const { catalog } = useCatalog(useActiveContext().name)
    if (!text || !catalog) return []
    const exact = text.startsWith(':') ? text.slice(1) : undefined
    const entries: PaletteEntry[] = []
    for (const k of catalog.kinds) {
      const names = kindNames(k)
      if (exact !== undefined && exact && !names.some((n) => n.startsWith(exact))) continue
      entries.push({
        id: `kind:${k.id}`,
        group: 'Kinds',
        title: kindLabel(k),
        detail: `${k.id}${k.shortNames.length ? ` (${k.shortNames.join(', ')})` : ''}${k.forbidden ? ' · forbidden' : ''}`,
        keywords: names.map((n) => `:${n}`).join(' '),
        run: () => openKind(k),
      })
    }
    // An exact short name or plural comes first (`:sts` → StatefulSets, not StorageClasses).
    if (exact)
      entries.sort(
        (a, b) =>
          Number(!a.keywords?.split(' ').includes(`:${exact}`)) -
          Number(!b.keywords?.split(' ').includes(`:${exact}`)),
      )
    return entries
  },
  useLoading: () => {
    const context = useActiveContext().name
    const { catalog, error } = useCatalog(context)
    return context !== undefined && !catalog && !error ? 'kinds' : undefined
  },
}

const builtInGroups = new Set([
  'apps',
  'batch',
  'autoscaling',
  'networking.k8s.io',
  'storage.k8s.io',
  'rbac.authorization.k8s.io',
])

function useDebounced(text: string, ms: number): string {
  const [value, setValue] = useState(text)
  useEffect(() => {
    const t = setTimeout(() => setValue(text), ms)
    return () => clearTimeout(t)
  }, [text, ms])
  return value
}

/** Custom objects, and built-in ones the app does not watch (StatefulSets, Ingresses, claims…), by name. */
export const customObjectsProvider: PaletteProvider = {
  id: 'custom-objects',
  order: 55,
  useEntries: ({ text }) => {
    const context = useActiveContext().name
    const query = useDebounced(text, 200)
    const enabled = query.length >= 2 && !query.startsWith(':')
    const found = useQuery({
      queryKey: ['apiResources.search', context ?? '', query],
      queryFn: () => api.call('apiResources.search', { text: query, ...(context ? { context } : {}) }),
      enabled,
      staleTime: 10_000,
    })
    if (!enabled || !found.data || query !== text) return []
    return found.data.map((f) => ({
      id: `custom:${f.ref.group}/${f.ref.resource}/${f.ref.namespace ?? ''}/${f.ref.name}`,
      group: f.ref.group && !builtInGroups.has(f.ref.group) ? 'Custom objects' : 'Objects',
      title: f.ref.name,
      detail: `${f.kind}${f.ref.namespace ? ` in ${f.ref.namespace}` : ''}`,
      run: () => openApiObject(context, f.ref),
    }))
  },
}
