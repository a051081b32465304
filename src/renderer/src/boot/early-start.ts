import type { QueryClient } from '@tanstack/react-query'
import type { ContextsState } from '@shared/contract'
import type { ResourceKind } from '@shared/rows'
import { followedContext } from '../contexts/active-context'
import { contextsKey, contextsQuery, holdContextsWatch } from '../contexts/useContexts'
import { namespacesFor } from '../resources/namespace-selection'
import { prestartWatch } from '../resources/useResourceWatch'

/** The watches each section's view opens with (its first tab), by the address's section (`#workloads`). */
const firstWatches: Record<string, readonly ResourceKind[]> = {
  overview: ['pods', 'deployments', 'events'],
  workloads: ['pods'],
}

/**
 * A cold start asks for what its first screen needs before React's first render, instead of after it: the
 * contexts (the event stream opens with their watch, whose first event is the whole state), and, as soon as
 * the context is known, the watches the opening section's view will hold, with the inputs that view computes
 * (same context, same namespaces: `namespacesFor`). The view then takes over a subscription whose first rows
 * may already be there. Nothing is shown from here; a view whose inputs differ (the state changed meanwhile)
 * starts its own, and the early one ends after the usual linger. docs/performance.md, "Cold start".
 */
export function startEarly(client: QueryClient, hash: string): void {
  // Held for the page's life, as ActiveContextProvider holds it; the provider shares this one.
  holdContextsWatch(client)
  const kinds = firstWatches[hash.replace(/^#/, '') || 'overview'] ?? []
  if (kinds.length === 0) return void client.prefetchQuery(contextsQuery)
  let started = false
  const start = (state: ContextsState | undefined): void => {
    if (started || !state) return
    started = true
    unsubscribe()
    const context = followedContext(state)
    if (!context) return
    const namespaces = namespacesFor(context, state)
    for (const kind of kinds) prestartWatch(client, kind, { context, namespaces })
  }
  // Whichever answers first: contexts.list (one round trip; its promise, not the cache's batched notice, which
  // waits behind React's first render) or the watch's first event (the stream's two round trips).
  const unsubscribe = client.getQueryCache().subscribe(() => start(client.getQueryData(contextsKey)))
  void client.fetchQuery(contextsQuery).then(start, () => {})
}
