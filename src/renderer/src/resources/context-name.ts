import { createContext, useContext } from 'react'

/** The kubeconfig context a list shows, for cells that act on their row (absent = current context). */
export const ContextName = createContext<string | undefined>(undefined)

export function useContextName(): string | undefined {
  return useContext(ContextName)
}
