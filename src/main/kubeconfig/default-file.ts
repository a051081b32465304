import { existsSync } from 'node:fs'
import { resolveKubeconfigPaths } from './paths'

/**
 * The file kubectl writes new entries to (clientcmd's GetDefaultFilename): with one KUBECONFIG entry that one;
 * with several, the first that exists, else the last; without KUBECONFIG, ~/.kube/config.
 */
export function defaultWriteFile(
  env: Readonly<Record<string, string | undefined>>,
  homedir: string,
  exists: (file: string) => boolean = existsSync,
): string {
  const { candidates } = resolveKubeconfigPaths({ env, homedir, exists })
  if (candidates.length === 1) return candidates[0]!
  return candidates.find((f) => exists(f)) ?? candidates[candidates.length - 1]!
}
