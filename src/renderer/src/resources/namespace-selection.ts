import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type { ContextsState } from '@shared/contract'
import { useContexts } from '../contexts/useContexts'

/**
 * The namespaces a person chose to look at, per context, kept in localStorage and shared by every view. Until
 * the first choice, views open on the context's own namespace (what kubectl uses), else on all namespaces.
 */
const listeners = new Set<() => void>()
const cache = new Map<string, readonly string[] | null>()
const ALL: readonly string[] = []

const storageKey = (context: string | undefined): string => `skiff.namespaces.${context ?? '(current)'}`

/** The remembered choice, or null when this context has none yet. */
function read(context: string | undefined): readonly string[] | null {
  const key = storageKey(context)
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  let value: readonly string[] | null = null
  try {
    const raw = localStorage.getItem(key)
    const parsed: unknown = raw === null ? null : JSON.parse(raw)
    if (Array.isArray(parsed)) value = parsed.filter((v): v is string => typeof v === 'string').slice(0, 100)
    else if (raw !== null) value = ALL
  } catch {
    // A damaged entry means "all namespaces", which is always safe to show.
    value = ALL
  }
  cache.set(key, value)
  return value
}

function write(context: string | undefined, namespaces: readonly string[]): void {
  const key = storageKey(context)
  const value = [...new Set(namespaces)].sort()
  cache.set(key, value)
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the choice still holds for this session.
  }
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The context's own namespace (kubectl's default for it), or '' when it has none or is not known yet. */
function ownNamespace(context: string | undefined, contexts: ContextsState | undefined): string {
  const name = context ?? contexts?.currentContext
  return contexts?.contexts.find((c) => c.name === name)?.namespace ?? ''
}

/** What a view of `context` opens on, outside React (the cold start's early watches: boot/early-start.ts). */
export function namespacesFor(
  context: string | undefined,
  contexts: ContextsState | undefined,
): readonly string[] {
  const own = ownNamespace(context, contexts)
  return read(context) ?? (own ? [own] : ALL)
}

/** Selected namespaces for a context (empty = all) and a setter that remembers the choice. */
export function useNamespaceSelection(
  context: string | undefined,
): [readonly string[], (namespaces: readonly string[]) => void] {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(context),
    () => read(context),
  )
  const own = ownNamespace(context, useContexts().data)
  const fallback = useMemo<readonly string[]>(() => (own ? [own] : ALL), [own])
  const set = useCallback((namespaces: readonly string[]) => write(context, namespaces), [context])
  return [stored ?? fallback, set]
}
