import { useSyncExternalStore } from 'react'
import type { ApiCatalog, ApiErrorBody } from '@shared/contract'
import { api } from '../../api/client'

export interface CatalogState {
  catalog?: ApiCatalog
  error?: ApiErrorBody
}

interface Entry {
  state: CatalogState
  listeners: Set<() => void>
  stop: () => void
  linger?: ReturnType<typeof setTimeout>
}

const entries = new Map<string, Entry>()
const empty: CatalogState = {}

/** One catalog subscription per context, shared by the sidebar, the palette and the views; kept briefly after. */
function entryFor(context: string): Entry {
  let entry = entries.get(context)
  if (entry) return entry
  const e: Entry = { state: empty, listeners: new Set(), stop: () => {} }
  const set = (state: CatalogState): void => {
    e.state = state
    for (const l of e.listeners) l()
  }
  e.stop = api.subscribe(
    'apiResources.catalog',
    context ? { context } : {},
    (catalog) => set({ catalog }),
    (error) => {
      set({ ...e.state, ...(error ? { error } : {}) })
      entries.delete(context) // the next view to mount starts a fresh one
    },
  )
  entries.set(context, (entry = e))
  return entry
}

function subscribe(context: string, listener: () => void): () => void {
  const entry = entryFor(context)
  clearTimeout(entry.linger)
  entry.listeners.add(listener)
  return () => {
    entry.listeners.delete(listener)
    if (entry.listeners.size > 0) return
    entry.linger = setTimeout(() => {
      if (entry.listeners.size > 0) return
      entry.stop()
      if (entries.get(context) === entry) entries.delete(context)
    }, 30_000)
  }
}

const inert = (): (() => void) => () => {}

/**
 * What the context's cluster serves, live: updated when CRDs come and go or a kind turns out forbidden.
 * Nothing until the context is known: asking for "the current context" first and then for it by name
 * subscribed twice at every start (the palette renders before the contexts arrive).
 */
export function useCatalog(context: string | undefined): CatalogState {
  const key = context ?? ''
  return useSyncExternalStore(context === undefined ? inert : (l) => subscribe(key, l), () =>
    context === undefined ? empty : (entries.get(key)?.state ?? empty),
  )
}
