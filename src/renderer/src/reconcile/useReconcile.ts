import { useEffect, useState } from 'react'
import type { ReconcileEvent, ReconcileSnapshot } from '@shared/contract'
import { api } from '../api/client'
import { foldReconcile, type ReconcileState } from './timeline-fold'

export type { ReconcileState } from './timeline-fold'

/**
 * The reconcile stream of one workload: the latest snapshot and the timeline gathered since it opened. Events
 * that arrive within one animation frame become one state update, so a busy rollout renders once a frame.
 */
export function useReconcile(
  context: string | undefined,
  kind: ReconcileSnapshot['kind'],
  namespace: string,
  name: string,
): ReconcileState {
  const [state, setState] = useState<ReconcileState>({ entries: [] })
  useEffect(() => {
    setState({ entries: [] })
    let queued: ReconcileEvent[] = []
    let frame: number | undefined
    const flush = (): void => {
      frame = undefined
      const events = queued
      queued = []
      setState((s) => foldReconcile(s, events))
    }
    const input = { ...(context ? { context } : {}), kind, namespace, name }
    const unsubscribe = api.subscribe(
      'reconcile.watch',
      input,
      (ev) => {
        queued.push(ev)
        // A hidden page gets no frames: keep the queue from growing while it waits.
        if (queued.length > 50) queued = [foldToEvent(queued)]
        frame ??= requestAnimationFrame(flush)
      },
      (error) => setState((s) => (error ? { ...s, error } : s)),
    )
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame)
      unsubscribe()
    }
  }, [context, kind, namespace, name])
  return state
}

function foldToEvent(events: readonly ReconcileEvent[]): ReconcileEvent {
  const s = foldReconcile({ entries: [] }, events)
  return { ...(s.snapshot ? { snapshot: s.snapshot } : {}), entries: s.entries.flat().reverse() }
}
