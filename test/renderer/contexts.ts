import type { ContextInfo, ContextsState } from '@shared/contract'

/** A kubeconfig context as the renderer holds it; `kind-dev` is the current one unless a test says otherwise. */
export const contextInfo = (name: string, namespace = ''): ContextInfo => ({
  name,
  cluster: name,
  server: '',
  user: name,
  namespace,
  file: '/k',
  isCurrent: name === 'kind-dev',
})

/** What contexts.list answers, with no files or candidates. */
export const contextsState = (currentContext: string, contexts: ContextInfo[]): ContextsState => ({
  contexts,
  currentContext,
  files: [],
  candidates: [],
})
