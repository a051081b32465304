import type { RunningSandbox } from './index'

// Pure data for a kubeconfig cluster/user/context triple naming the sandbox like kind does.
export interface SandboxKubeconfigEntry {
  cluster: { name: string; server: string; caData: string }
  user: { name: string; token: string }
  context: { name: string; cluster: string; user: string }
}

/** Skiff names a sandbox's kubeconfig context (and its cluster and user) like kind does: a prefix. */
export const sandboxContextName = (name: string): string => `sandbox-${name}`

export function sandboxKubeconfigEntry(
  sb: Pick<RunningSandbox, 'name' | 'url' | 'caData' | 'token'>,
): SandboxKubeconfigEntry {
  const name = sandboxContextName(sb.name)
  return {
    cluster: { name, server: sb.url, caData: sb.caData },
    user: { name, token: sb.token },
    context: { name, cluster: name, user: name },
  }
}
