import { useActiveContext } from '../../contexts/active-context'
import { useContextAction } from '../../contexts/useContextAction'
import { useContexts } from '../../contexts/useContexts'
import type { PaletteEntry, PaletteProvider } from '../types'

/** Switch context (Enter writes current-context like kubectl; Shift+Enter only views it in Skiff). */
export const contextsProvider: PaletteProvider = {
  id: 'contexts',
  order: 30,
  useEntries: () => {
    const contexts = useContexts().data?.contexts ?? []
    const active = useActiveContext()
    const use = useContextAction('contexts.use', (i) => `Switched the current context to “${i.name}”.`)
    const entries: PaletteEntry[] = contexts.map((c) => ({
      id: `context:${c.name}`,
      group: 'Switch context',
      title: c.name,
      detail: `${c.isCurrent ? 'current · ' : ''}${c.server || c.cluster}`,
      keywords: 'context use switch',
      shortcut: 'Shift ↵ view only',
      run: ({ viewOnly }) => {
        if (viewOnly) return active.viewOnly(c.name)
        active.viewOnly(undefined)
        use.mutate({ name: c.name })
      },
    }))
    if (active.mode === 'view-only')
      entries.unshift({
        id: 'context:follow',
        group: 'Switch context',
        title: 'Follow the kubeconfig’s current context again',
        keywords: 'view only',
        run: () => active.viewOnly(undefined),
      })
    return entries
  },
  useLoading: () => (useContexts().isPending ? 'contexts' : undefined),
}
