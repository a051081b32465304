import { z } from 'zod'
import { method, stream } from './define'
import { contextName } from './names'

export interface ContextInfo {
  name: string
  cluster: string
  server: string
  user: string
  namespace: string
  /** The file that defines this context. */
  file: string
  isCurrent: boolean
}

export type KubeconfigFileStatus =
  | { path: string; status: 'ok' }
  | { path: string; status: 'broken'; error: { message: string; line?: number; col?: number } }

export interface ContextsState {
  contexts: ContextInfo[]
  currentContext: string
  /** The files of the KUBECONFIG list (or ~/.kube/config), in order, with their health. */
  files: KubeconfigFileStatus[]
  /** Every file kubectl would use (existing or not), in order: where an import may go. */
  candidates: string[]
}

export interface BackupEntry {
  id: string
  file: string
  createdAt: string
  size: number
  /** The change this backup was taken before, e.g. `Switch to “dev”` (absent for older backups). */
  reason?: string
}

/** A backup beside the file it would replace; secret values read `(hidden value N)` alike in both. */
export interface BackupComparison {
  file: string
  backup: string
  current: string
  currentExists: boolean
}

/** The names a kubeconfig to import brings, per section, and which of them are already taken. */
export type ImportPreview = Record<'contexts' | 'clusters' | 'users', { name: string; taken: boolean }[]>

const name = contextName
/** A namespace name, or '' to clear the context's default namespace. */
const namespaceOrEmpty = z.union([
  z.literal(''),
  z
    .string()
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a valid namespace name'),
])

const importContent = z.string().min(1).max(1_000_000)
const importTarget = z.string().min(1).max(4096)
const backupId = z.string().min(1).max(200)

export const contextMethods = {
  'contexts.list': method<ContextsState>()(z.strictObject({})),
  'contexts.use': method<ContextsState>()(z.strictObject({ name })),
  'contexts.setNamespace': method<ContextsState>()(z.strictObject({ name, namespace: namespaceOrEmpty })),
  'contexts.rename': method<ContextsState>()(z.strictObject({ from: name, to: name })),
  'contexts.delete': method<ContextsState>()(
    z.strictObject({ name, withClusterAndUser: z.boolean().default(false) }),
  ),
  /** The names an import would add and which clash, so the person can rename them before importing. */
  'contexts.importPreview': method<ImportPreview>()(
    z.strictObject({ content: importContent, targetFile: importTarget }),
  ),
  /** Merge another kubeconfig (its text; the renderer reads the picked file) into one of the listed files. */
  'contexts.import': method<ContextsState>()(
    z.strictObject({
      content: importContent,
      targetFile: importTarget,
      /** The picked file's name, kept with the backup ("Import dev.yaml"). */
      sourceName: z.string().min(1).max(255).optional(),
      renames: z
        .strictObject({
          contexts: z.record(name, name).optional(),
          clusters: z.record(name, name).optional(),
          users: z.record(name, name).optional(),
        })
        .optional(),
    }),
  ),
  'contexts.backups': method<BackupEntry[]>()(z.strictObject({})),
  'contexts.compareBackup': method<BackupComparison>()(z.strictObject({ id: backupId })),
  'contexts.restore': method<ContextsState>()(z.strictObject({ id: backupId })),
}

export const contextStreams = {
  /** The contexts now, then again whenever a kubeconfig file changes (inside or outside Skiff). */
  'contexts.watch': stream<ContextsState>()(z.strictObject({})),
}
