import type { QueryClient } from '@tanstack/react-query'
import type { ContextsState } from '@shared/contract'
import type { ResourceKind } from '@shared/rows'
import { followedContext } from '../contexts/active-context'
import { contextsKey, contextsQuery, holdContextsWatch } from '../contexts/useContexts'
import { namespacesFor } from '../resources/namespace-selection'
import type { RowSet } from '../resources/fold'
import { prestartWatch, watchKey } from '../resources/useResourceWatch'

/** The watches each section's view opens with (its first tab), by the address's section (`#workloads`). */
const firstWatches: Record<string, readonly ResourceKind[]> = {
  overview: ['pods', 'deployments', 'events'],
  workloads: ['pods'],
}

/**
 * How long React's first render waits for the opening view's first rows. Measured: one render of the shell with
 * its rows, instead of the shell, its layout, then the rows and a second layout, brought a cold start's first
 * rows 40–90 ms sooner (docs/performance.md, "Cold start, eighth pass"). A slow cluster still gets the shell
 * (and its "Loading…") this soon.
 */
export const FIRST_RENDER_WAIT_MS = 250

/**
 * A cold start asks for what its first screen needs before React's first render, instead of after it: the
 * contexts (the event stream opens with their watch, whose first event is the whole state), and, as soon as
 * the context is known, the watches the opening section's view will hold, with the inputs that view computes
 * (same context, same namespaces: `namespacesFor`). The view then takes over a subscription whose first rows
 * may already be there; a view whose inputs differ (the state changed meanwhile) starts its own, and the early
 * one ends after the usual linger. docs/performance.md, "Cold start".
 *
 * Resolves when the first render should start: once every early watch has its first rows (or its answer: an
 * empty list, an error), at once when there is nothing to wait for, and after `FIRST_RENDER_WAIT_MS` at most.
 */
export function startEarly(client: QueryClient, hash: string): Promise<void> {
  // Held for the page's life, as ActiveContextProvider holds it; the provider shares this one.
  holdContextsWatch(client)
  const kinds = firstWatches[hash.replace(/^#/, '') || 'overview'] ?? []
  if (kinds.length === 0) {
    void client.prefetchQuery(contextsQuery)
    return Promise.resolve()
  }
  let release = (): void => {}
  const ready = new Promise<void>((resolve) => (release = resolve))
  const deadline = setTimeout(release, FIRST_RENDER_WAIT_MS)
  let watched: (readonly unknown[])[] | undefined
  const check = (): void => {
    if (watched?.every((key) => answered(client.getQueryData<RowSet>(key)))) release()
  }
  const start = (state: ContextsState | undefined): void => {
    if (watched || !state) return
    const context = followedContext(state)
    if (!context) return void (watched = []) // nothing to wait for: "no cluster selected"
    const namespaces = namespacesFor(context, state)
    // Set before the watches start: each start writes the cache, whose notice calls this again.
    watched = kinds.map((kind) => watchKey(kind, { context, namespaces }))
    for (const kind of kinds) prestartWatch(client, kind, { context, namespaces })
  }
  // Whichever answers first: contexts.list (one round trip; its promise, not the cache's batched notice, which
  // waits behind React's first render) or the watch's first event (the stream's two round trips). The same
  // notices then tell when the early watches' rows are in.
  const unsubscribe = client.getQueryCache().subscribe(() => {
    start(client.getQueryData(contextsKey))
    check()
  })
  void client.fetchQuery(contextsQuery).then(
    (state) => {
      start(state)
      check()
    },
    () => release(), // the app's own start shows the error
  )
  void ready.then(() => {
    clearTimeout(deadline)
    unsubscribe()
  })
  return ready
}

/** A watch's first answer: rows, a whole (maybe empty) list, or an error. */
function answered(set: RowSet | undefined): boolean {
  return !!set && (set.rows.length > 0 || set.loaded || set.status.state === 'error')
}
