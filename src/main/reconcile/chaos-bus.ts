import type { ChaosRequest, SandboxBreakState } from '@shared/contract'
import { ApiError } from '@shared/contract'

// Routes Break-it requests to the sandbox behind a context and tells the open reconcile views what was done.

/** The slice of a running sandbox the bus needs (`@sandbox`'s RunningSandbox has it). */
export interface ChaosTarget {
  url: string
  chaos: {
    act(request: ChaosRequest): string
    state(): SandboxBreakState & { nodes: { name: string; ready: boolean }[] }
  }
}

export interface ChaosBus {
  /** The sandbox this Skiff runs for a context whose server is that sandbox; undefined for any other cluster. */
  target(context: string, server: string | undefined): ChaosTarget | undefined
  act(context: string, server: string | undefined, request: ChaosRequest): string
  listen(context: string, onAction: (text: string) => void): () => void
}

export function createChaosBus(sandboxFor: (context: string) => ChaosTarget | undefined): ChaosBus {
  const listeners = new Map<string, Set<(text: string) => void>>()
  const target = (context: string, server: string | undefined): ChaosTarget | undefined => {
    const sandbox = sandboxFor(context)
    // A context that only borrows a sandbox's name but points elsewhere is a real cluster: no Break it.
    return sandbox && server?.replace(/\/$/, '') === sandbox.url ? sandbox : undefined
  }
  return {
    target,
    act(context, server, request) {
      const sandbox = target(context, server)
      if (!sandbox)
        throw new ApiError(
          'Forbidden',
          `Break it works only on Skiff's simulated sandbox clusters; "${context}" is not one that is running.`,
        )
      let text: string
      try {
        text = sandbox.chaos.act(request)
      } catch (err) {
        throw new ApiError('NotFound', err instanceof Error ? err.message : String(err))
      }
      for (const l of listeners.get(context) ?? []) l(text)
      return text
    },
    listen(context, onAction) {
      const set = listeners.get(context) ?? new Set()
      listeners.set(context, set)
      set.add(onAction)
      return () => set.delete(onAction)
    },
  }
}
