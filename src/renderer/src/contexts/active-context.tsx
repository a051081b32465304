import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import type { ContextsState } from '@shared/contract'
import { useContexts, useContextsWatch } from './useContexts'

export interface ActiveContext {
  /** The context resource views use; undefined while loading or when the kubeconfig has none. */
  name: string | undefined
  /** 'follow': the kubeconfig's current-context. 'view-only': picked in Skiff, the file untouched. */
  mode: 'follow' | 'view-only'
  viewOnly: (name: string | undefined) => void
  /** current-context names a context that no longer exists (kubectl leaves it so after a delete). */
  dangling?: string
}

/**
 * The context views follow when nothing was picked in Skiff: the kubeconfig's current-context, unless it names
 * a context that is gone (a dangling name counts as none: the header and the views never act on it).
 */
export function followedContext(state: ContextsState | undefined): string | undefined {
  const named = state?.currentContext || undefined
  return named && state?.contexts.some((c) => c.name === named) ? named : undefined
}

const Ctx = createContext<ActiveContext>({ name: undefined, mode: 'follow', viewOnly: () => {} })

export function ActiveContextProvider({ children }: { children: ReactNode }) {
  useContextsWatch()
  const contexts = useContexts()
  const [picked, setPicked] = useState<string | undefined>()
  const named = contexts.data?.currentContext || undefined
  const current = followedContext(contexts.data)
  const dangling = named && !current ? named : undefined
  // A view-only pick that no longer exists (renamed/deleted) falls back to following the file.
  const pickedExists = !!picked && !!contexts.data?.contexts.some((c) => c.name === picked)
  const value = useMemo<ActiveContext>(
    () => ({
      name: pickedExists ? picked : current,
      mode: pickedExists ? 'view-only' : 'follow',
      viewOnly: setPicked,
      dangling,
    }),
    [picked, pickedExists, current, dangling],
  )
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useActiveContext(): ActiveContext {
  return useContext(Ctx)
}
