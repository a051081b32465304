export type Section = 'clusters' | 'contexts' | 'users'

/** One entry of a kubeconfig list (a cluster, context or user) as written, unknown fields included. */
export interface NamedEntry {
  name: string
  [field: string]: unknown
}

export interface ContextInfo {
  name: string
  cluster: string
  server: string
  user: string
  namespace: string
  file: string
  isCurrent: boolean
}

export interface FileProblem {
  message: string
  line?: number
  col?: number
}

export type FileStatus =
  { path: string; status: 'ok' } | { path: string; status: 'broken'; error: FileProblem }

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
