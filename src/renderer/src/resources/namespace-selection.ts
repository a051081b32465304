import { useCallback, useSyncExternalStore } from 'react'

/** The namespaces a person chose to look at, per context, kept in localStorage and shared by every view. */
const listeners = new Set<() => void>()
const cache = new Map<string, readonly string[]>()

const storageKey = (context: string | undefined): string => `skiff.namespaces.${context ?? '(current)'}`

function read(context: string | undefined): readonly string[] {
  const key = storageKey(context)
  const hit = cache.get(key)
  if (hit) return hit
  let value: readonly string[] = []
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    if (Array.isArray(parsed)) value = parsed.filter((v): v is string => typeof v === 'string').slice(0, 100)
  } catch {
    // A damaged entry means "all namespaces", which is always safe to show.
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

/** Selected namespaces for a context (empty = all) and a setter that remembers the choice. */
export function useNamespaceSelection(
  context: string | undefined,
): [readonly string[], (namespaces: readonly string[]) => void] {
  const selected = useSyncExternalStore(
    subscribe,
    () => read(context),
    () => read(context),
  )
  const set = useCallback((namespaces: readonly string[]) => write(context, namespaces), [context])
  return [selected, set]
}
