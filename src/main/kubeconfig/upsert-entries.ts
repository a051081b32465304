import { existsSync } from 'node:fs'
import path from 'node:path'
import { createBackupStore } from './backups'
import { applyEdits } from './edit-ops'
import type { EditOp } from './edit-ops'
import { parseKubeconfig } from './load-file'
import { safeEdit } from './safe-write'
import type { Section } from './types'
import { validateName } from './validate'

export interface UpsertEntry {
  cluster: { name: string; server: string; caData: string }
  user: { name: string; token: string }
  context: { name: string; cluster: string; user: string; namespace?: string }
}

export interface EntryWriteOptions {
  /** Keep the previous content here before writing (as the Contexts view does). */
  backupDir?: string
  homedir?: string
}

const SKELETON = 'apiVersion: v1\nkind: Config\npreferences: {}\n'

/** Adds or replaces one cluster/user/context triple in `file` (created with mode 0600 if missing). */
export async function upsertEntries(
  file: string,
  entry: UpsertEntry,
  opts: { setCurrent: boolean } & EntryWriteOptions,
): Promise<void> {
  validateName('cluster', entry.cluster.name)
  validateName('user', entry.user.name)
  validateName('context', entry.context.name)
  const context: Record<string, string> = { cluster: entry.context.cluster, user: entry.context.user }
  if (entry.context.namespace) context.namespace = entry.context.namespace
  const cluster: Record<string, string> = { server: entry.cluster.server }
  if (entry.cluster.caData) cluster['certificate-authority-data'] = entry.cluster.caData
  const ops: EditOp[] = [
    { op: 'putEntry', section: 'clusters', entry: { name: entry.cluster.name, cluster } },
    { op: 'putEntry', section: 'users', entry: { name: entry.user.name, user: { token: entry.user.token } } },
    { op: 'putEntry', section: 'contexts', entry: { name: entry.context.name, context } },
  ]
  if (opts.setCurrent) ops.push({ op: 'setCurrentContext', name: entry.context.name })
  await write(file, opts, () => ops, `Add context “${entry.context.name}”`)
}

/** Removes the named entries from `file` (names that are absent are ignored; a missing file is left alone). */
export async function removeEntries(
  file: string,
  names: { cluster?: string; user?: string; context?: string },
  opts: EntryWriteOptions = {},
): Promise<void> {
  if (!existsSync(file)) return
  const what = names.context ?? names.cluster ?? names.user ?? 'entries'
  await write(
    file,
    opts,
    (text) => {
      const parsed = parseKubeconfig(file, text)
      if (parsed.status !== 'ok') return []
      const has = (section: Section, name: string | undefined): name is string =>
        name !== undefined && parsed.config[section].some((e) => e.name === name)
      const ops: EditOp[] = []
      if (has('contexts', names.context))
        ops.push({ op: 'removeEntry', section: 'contexts', name: names.context })
      if (has('clusters', names.cluster))
        ops.push({ op: 'removeEntry', section: 'clusters', name: names.cluster })
      if (has('users', names.user)) ops.push({ op: 'removeEntry', section: 'users', name: names.user })
      return ops
    },
    `Remove “${what}”`,
  )
}

async function write(
  file: string,
  opts: EntryWriteOptions,
  opsFor: (text: string) => EditOp[],
  reason: string,
): Promise<void> {
  const target = path.resolve(file)
  const backups = opts.backupDir ? createBackupStore(opts.backupDir) : undefined
  await safeEdit(
    target,
    (text) => {
      const ops = opsFor(text)
      if (ops.length === 0) return text
      return applyEdits(text.trim() === '' ? SKELETON : text, ops).text
    },
    { homedir: opts.homedir ?? '', backups },
    { create: true, reason },
  )
}
