import type { KubeConfig } from '@kubernetes/client-node'

/** What every action needs: a client configuration for a kubeconfig context (absent = current context). */
export interface ActionDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  /** Clock for restart annotations; tests pass a fixed one. */
  now?: () => Date
}
