import type { KubeConfig } from '@kubernetes/client-node'
import { createKubeGet } from './kube-request'

/** The API server's `gitVersion` (`GET /version`, which every server answers, even unauthenticated). */
export async function serverVersion(
  kubeConfig: () => Promise<KubeConfig>,
  signal: AbortSignal,
): Promise<string> {
  const get = createKubeGet(await kubeConfig())
  try {
    const body = (await get('/version', undefined, signal)) as { gitVersion?: unknown }
    if (typeof body.gitVersion !== 'string') throw new Error('its /version answer has no gitVersion')
    return body.gitVersion
  } finally {
    get.close()
  }
}
