import { useEffect, useState } from 'react'
import type { ApiErrorBody, ReconcileEvent, ReconcileSnapshot, TimelineEntry } from '@shared/contract'
import { api } from '../api/client'

/** Entries the view keeps; older ones fall off the end. */
const KEEP = 300

export interface ReconcileState {
  snapshot?: ReconcileSnapshot
  /** Newest first. */
  entries: TimelineEntry[]
  error?: ApiErrorBody
}

/** Folds stream events (oldest first) into the state: the latest snapshot wins, entries go on top. */
export function foldReconcile(s: ReconcileState, events: readonly ReconcileEvent[]): ReconcileState {
  let snapshot = s.snapshot
  const fresh: TimelineEntry[] = []
  for (const ev of events) {
    if (ev.snapshot) snapshot = ev.snapshot
    if (ev.entries) fresh.push(...ev.entries)
  }
  const entries = fresh.length ? [...fresh.reverse(), ...s.entries].slice(0, KEEP) : s.entries
  return { ...s, ...(snapshot ? { snapshot } : {}), entries }
}

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
  return { ...(s.snapshot ? { snapshot: s.snapshot } : {}), entries: [...s.entries].reverse() }
}
