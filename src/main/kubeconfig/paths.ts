import { existsSync } from 'node:fs'
import path from 'node:path'

export interface KubeconfigPathInput {
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  /** Defaults to node:fs existsSync; tests hand in a fake. */
  exists?: (file: string) => boolean
  delimiter?: string
}

export interface KubeconfigPaths {
  /** Every file kubectl would consider, in order (duplicates removed). */
  candidates: string[]
  /** The candidates that exist, in order: the files to load. */
  existing: string[]
}

/** Resolves the KUBECONFIG list like kubectl: empty entries ignored, missing files skipped, else ~/.kube/config. */
export function resolveKubeconfigPaths(input: KubeconfigPathInput): KubeconfigPaths {
  const exists = input.exists ?? existsSync
  const delimiter = input.delimiter ?? path.delimiter
  const fromEnv = (input.env.KUBECONFIG ?? '')
    .split(delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => path.resolve(expandHome(entry, input.homedir)))
  const candidates =
    fromEnv.length > 0 ? [...new Set(fromEnv)] : [path.join(input.homedir, '.kube', 'config')]
  return { candidates, existing: candidates.filter((file) => exists(file)) }
}

function expandHome(entry: string, homedir: string): string {
  return entry === '~' || entry.startsWith('~/') ? path.join(homedir, entry.slice(1)) : entry
}
