import { statSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'
import { KubeConfig } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'
import { redactSecrets } from '../util/redact-secrets'
import { commandLine, execPluginOf, type ExecPlugin } from './exec-plugins'
import type { ExecApprovals } from './exec-approvals'

type Env = Readonly<Record<string, string | undefined>>

interface Parsed {
  key: string
  clusters: KubeConfig['clusters']
  contexts: KubeConfig['contexts']
  users: KubeConfig['users']
  currentContext: string
}
let lastParsed: Parsed | undefined

/** Which files client-node reads, and whether any changed: path, size, mtime and inode of each. */
function filesKey(env: Env): string {
  const list = env.KUBECONFIG
    ? env.KUBECONFIG.split(delimiter).filter(Boolean)
    : [join(process.env.HOME ?? homedir(), '.kube', 'config')]
  return list
    .map((f) => {
      try {
        const s = statSync(f)
        return `${f}:${s.size}:${s.mtimeMs}:${s.ino}`
      } catch {
        return `${f}:-`
      }
    })
    .join('|')
}

/**
 * The KUBECONFIG list (or ~/.kube/config) as client-node reads it. Re-read whenever a file changed; otherwise
 * the last parse is reused (a 5 MB kubeconfig takes client-node over half a second, on every watch and action).
 */
export function loadKubeConfig(env: Env): KubeConfig {
  const key = filesKey(env)
  const kc = new KubeConfig()
  if (lastParsed?.key === key) {
    kc.loadFromOptions({
      clusters: lastParsed.clusters,
      contexts: lastParsed.contexts,
      users: lastParsed.users,
      currentContext: lastParsed.currentContext,
    })
    return kc
  }
  const saved = process.env.KUBECONFIG
  try {
    // loadFromDefault reads process.env; point it at the backend's environment for the call.
    if (env.KUBECONFIG !== undefined) process.env.KUBECONFIG = env.KUBECONFIG
    kc.loadFromDefault()
  } catch (err) {
    throw new ApiError(
      'Unavailable',
      `Your kubeconfig could not be read: ${redactSecrets((err as Error).message)}`,
    )
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG
    else process.env.KUBECONFIG = saved
  }
  lastParsed = {
    key,
    clusters: kc.clusters,
    contexts: kc.contexts,
    users: kc.users,
    currentContext: kc.getCurrentContext(),
  }
  return kc
}

/** The exec plugin the user of context `name` runs, if any. */
export function execPluginOfContext(kc: KubeConfig, name: string): ExecPlugin | undefined {
  const userName = kc.getContextObject(name)?.user
  const user = userName ? kc.getUser(userName) : null
  return user ? execPluginOf({ name: user.name, user }) : undefined
}

/**
 * A client-node KubeConfig for a context (absent = the kubeconfig's current context), read fresh from the
 * KUBECONFIG list each time so a switch made anywhere applies to the next watch or action. A context whose
 * user runs an exec plugin the person has not allowed is refused with NeedsApproval before anything runs.
 */
export function createKubeConfigSource(
  env: Env,
  approvals?: ExecApprovals,
): (context?: string) => Promise<KubeConfig> {
  return async (context) => {
    const kc = loadKubeConfig(env)
    const name = context ?? kc.getCurrentContext()
    if (!name)
      throw new ApiError('NotFound', 'No context is selected. Pick one in Contexts, or create a cluster.')
    if (!kc.getContextObject(name)) throw new ApiError('NotFound', `There is no context named "${name}".`)
    const plugin = approvals && execPluginOfContext(kc, name)
    if (plugin && !(await approvals.isApproved(plugin))) {
      throw new ApiError(
        'NeedsApproval',
        `Context "${name}" gets its credentials by running \`${commandLine(plugin)}\` on this computer. ` +
          'Skiff has not run that command before: allow it first (Skiff asks once per command).',
      )
    }
    kc.setCurrentContext(name)
    return kc
  }
}
