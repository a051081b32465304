import type { KubeConfig } from '@kubernetes/client-node'

/** What the ingress and storage views need: client configs, and the sandbox's ingress port when it is one. */
export interface NetworkStorageDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  /**
   * The loopback port of the simulated ingress controller of a sandbox this Skiff runs, for a context whose
   * server is that sandbox; undefined for any other cluster.
   */
  sandboxIngressPort?: (context: string, server: string | undefined) => number | undefined
  /** Clock for "pending since"; tests pass a fixed one. */
  now?: () => Date
}
