import { useEffect, useState } from 'react'
import type { ApiErrorBody, ReconcileSnapshot, TimelineEntry } from '@shared/contract'
import { api } from '../api/client'

/** Entries the view keeps; older ones fall off the end. */
const KEEP = 300

export interface ReconcileState {
  snapshot?: ReconcileSnapshot
  /** Newest first. */
  entries: TimelineEntry[]
  error?: ApiErrorBody
}

/** The reconcile stream of one Deployment: the latest snapshot and the timeline gathered since it opened. */
export function useReconcile(context: string | undefined, namespace: string, name: string): ReconcileState {
  const [state, setState] = useState<ReconcileState>({ entries: [] })
  useEffect(() => {
    setState({ entries: [] })
    const input = { ...(context ? { context } : {}), namespace, name }
    return api.subscribe(
      'reconcile.watch',
      input,
      (ev) =>
        setState((s) => ({
          snapshot: ev.snapshot ?? s.snapshot,
          entries: ev.entries?.length
            ? [...[...ev.entries].reverse(), ...s.entries].slice(0, KEEP)
            : s.entries,
        })),
      (error) => setState((s) => (error ? { ...s, error } : s)),
    )
  }, [context, namespace, name])
  return state
}
