import type { ContextInfo, KubeconfigFileStatus as FileStatus } from '@shared/contract/contexts'

export type Section = 'clusters' | 'contexts' | 'users'

/** One entry of a kubeconfig list (a cluster, context or user) as written, unknown fields included. */
export interface NamedEntry {
  name: string
  [field: string]: unknown
}

// What the renderer sees of a context and a file is the contract's; this folder only re-exports it.
export type { ContextInfo, KubeconfigFileStatus as FileStatus } from '@shared/contract/contexts'

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

export interface BackupComparison {
  file: string
  /** The backup's text and the file's text now, secret values replaced by `(hidden value N)` in both. */
  backup: string
  current: string
  currentExists: boolean
}

export type ImportPreview = Record<Section, { name: string; taken: boolean }[]>
