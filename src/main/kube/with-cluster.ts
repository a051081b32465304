import type { KubeConfig } from '@kubernetes/client-node'
import { toApiError } from '../errors/policy'
import { createKubeGet, serverOf, type KubeGet } from './kube-request'

export type WithCluster = <T>(
  context: string | undefined,
  fn: (kc: KubeConfig, get: KubeGet) => Promise<T>,
) => Promise<T>

/**
 * Runs one call against a context with its own kept-alive connection (closed afterwards), turning every
 * failure into an ApiError a person can read. Shared by the typed resources service and the any-kind one.
 */
export function clusterRunner(getKubeConfig: (context?: string) => Promise<KubeConfig>): WithCluster {
  return async (context, fn) => {
    const kc = await getKubeConfig(context)
    const get = createKubeGet(kc)
    try {
      return await fn(kc, get)
    } catch (err) {
      throw toApiError(err, { server: serverOf(kc) })
    } finally {
      get.close()
    }
  }
}
