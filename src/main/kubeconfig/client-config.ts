import { KubeConfig } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'

/**
 * A client-node KubeConfig for a context (absent = the kubeconfig's current context), read fresh from the
 * KUBECONFIG list each time so a switch made anywhere applies to the next watch or action.
 */
export function createKubeConfigSource(
  env: Readonly<Record<string, string | undefined>>,
): (context?: string) => Promise<KubeConfig> {
  return async (context) => {
    const kc = new KubeConfig()
    const saved = process.env.KUBECONFIG
    try {
      // loadFromDefault reads process.env; point it at the backend's environment for the call.
      if (env.KUBECONFIG !== undefined) process.env.KUBECONFIG = env.KUBECONFIG
      kc.loadFromDefault()
    } catch (err) {
      throw new ApiError('Unavailable', `Your kubeconfig could not be read: ${(err as Error).message}`)
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG
      else process.env.KUBECONFIG = saved
    }
    const name = context ?? kc.getCurrentContext()
    if (!name)
      throw new ApiError('NotFound', 'No context is selected. Pick one in Contexts, or create a cluster.')
    if (!kc.getContextObject(name)) throw new ApiError('NotFound', `There is no context named "${name}".`)
    kc.setCurrentContext(name)
    return kc
  }
}
