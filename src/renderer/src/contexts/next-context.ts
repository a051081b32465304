import type { ContextInfo } from '@shared/contract'

/**
 * The context to offer as current after `removed` goes: the one listed after it, else the one before it
 * (kubectl and kind leave current-context dangling or empty; Skiff asks instead).
 */
export function nextContextAfter(contexts: readonly ContextInfo[], removed: string): string | undefined {
  const i = contexts.findIndex((c) => c.name === removed)
  const others = contexts.filter((c) => c.name !== removed)
  if (others.length === 0) return undefined
  if (i < 0) return others[0]!.name
  return (others[i] ?? others[i - 1])!.name
}
