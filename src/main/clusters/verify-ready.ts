import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node'
import { ClusterError } from './errors'

/**
 * Creation is done when the API answers and every node is Ready, not merely when the CLI exits.
 * Polls (the cluster is brand new; a watch buys nothing) until then, the timeout, or cancel.
 */
export async function waitForNodesReady(
  kubeConfig: () => Promise<KubeConfig>,
  signal: AbortSignal,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 300_000)
  let last = 'the API server did not answer yet'
  while (Date.now() < deadline) {
    if (signal.aborted) throw new ClusterError('Cancelled while waiting for the nodes to be Ready.')
    try {
      const api = (await kubeConfig()).makeApiClient(CoreV1Api)
      const nodes = (await api.listNode()).items
      const notReady = nodes.filter(
        (n) => !n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      )
      if (nodes.length > 0 && notReady.length === 0) return
      last =
        nodes.length === 0
          ? 'no nodes registered yet'
          : `${notReady.length} of ${nodes.length} nodes not Ready`
    } catch (err) {
      last = `the API server did not answer (${(err as Error).message})`
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 1000))
  }
  throw new ClusterError(`The cluster was created but is not ready: ${last}.`, {
    advice: 'Check the nodes with `kubectl get nodes`; they may need more time or resources.',
  })
}
