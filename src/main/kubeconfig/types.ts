import type { ContextInfo, KubeconfigFileStatus as FileStatus } from '@shared/contract/contexts'

export type Section = 'clusters' | 'contexts' | 'users'

/** One entry of a kubeconfig list (a cluster, context or user) as written, unknown fields included. */
export interface NamedEntry {
  name: string
  [field: string]: unknown
}

// What the renderer sees of a context, a file, a backup comparison and an import preview is the contract's;
// this folder only re-exports it.
export type {
  BackupComparison,
  ContextInfo,
  ImportPreview,
  KubeconfigFileStatus as FileStatus,
} from '@shared/contract/contexts'

export interface FileProblem {
  message: string
  line?: number
  col?: number
}

export interface KubeconfigList {
  contexts: ContextInfo[]
  currentContext: string
  /** File whose current-context is in effect ('' when no file sets one). */
  currentContextFile: string
  files: FileStatus[]
}

export interface BackupInfo {
  id: string
  file: string
  createdAt: Date
  size: number
  /** The change this backup was taken before, e.g. `Switch to “dev”`. */
  reason?: string
}
