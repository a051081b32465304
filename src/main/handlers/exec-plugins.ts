import { ApiError, type ExecPluginOfContext } from '@shared/contract'
import type { MethodHandlers } from '../transport/dispatch'
import { execPluginOfContext, loadKubeConfig } from '../kubeconfig/client-config'
import type { ExecApprovals } from '../kubeconfig/exec-approvals'
import { commandLine, execPluginsInText } from '../kubeconfig/exec-plugins'

type ExecMethods = Pick<
  MethodHandlers,
  'contexts.inspectImport' | 'contexts.execPlugin' | 'contexts.approveExec'
>

/** kubeconfig exec plugins: what an import would run, and the person's once-per-command consent. */
export function createExecPluginHandlers(deps: {
  env: Readonly<Record<string, string | undefined>>
  approvals: ExecApprovals
}): ExecMethods {
  const ofContext = async (name: string): Promise<ExecPluginOfContext | null> => {
    const kc = loadKubeConfig(deps.env)
    if (!kc.getContextObject(name)) throw new ApiError('NotFound', `There is no context named "${name}".`)
    const plugin = execPluginOfContext(kc, name)
    if (!plugin) return null
    return { context: name, ...plugin, approved: await deps.approvals.isApproved(plugin) }
  }
  return {
    'contexts.inspectImport': async ({ content }) => ({
      execPlugins: await Promise.all(
        execPluginsInText(content).map(async (p) => ({ ...p, approved: await deps.approvals.isApproved(p) })),
      ),
    }),
    'contexts.execPlugin': ({ name }) => ofContext(name),
    'contexts.approveExec': async ({ name }) => {
      const plugin = await ofContext(name)
      if (!plugin) throw new ApiError('NotFound', `Context "${name}" runs no command for its credentials.`)
      await deps.approvals.approve(plugin)
      return { ...plugin, approved: true }
    },
  }
}

/**
 * The gate on contexts.import: a file whose users run commands is imported only when the person saw those
 * commands (contexts.inspectImport) and allowed them. Returns what to remember once the import succeeded,
 * so the first view of an imported context does not ask a second time.
 */
export function importExecGate(
  content: string,
  allowExec: boolean | undefined,
  approvals: ExecApprovals,
): { remember(): Promise<void> } {
  const plugins = execPluginsInText(content)
  if (plugins.length > 0 && !allowExec) {
    throw new ApiError(
      'NeedsApproval',
      `This kubeconfig runs ${plugins.length === 1 ? 'a command' : `${plugins.length} commands`} to get ` +
        `credentials (${plugins.map((p) => `\`${commandLine(p)}\``).join(', ')}). ` +
        'Review them and allow them to import it.',
    )
  }
  return {
    remember: async () => {
      for (const p of plugins) await approvals.approve(p)
    },
  }
}
