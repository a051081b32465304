import { defaultWriteFile } from './default-file'
import { removeEntries, upsertEntries, type UpsertEntry } from './upsert-entries'

/** What a cluster provider writes to the kubeconfig: its own cluster/user/context triples, nothing else. */
export interface EntryWriter {
  upsert(entry: UpsertEntry, options: { setCurrent: boolean }): Promise<void>
  /** Removes the clusters, users and contexts with these names. */
  remove(names: string[]): Promise<void>
}

/** Writes to the file kubectl itself would write new entries to, keeping a backup of each previous version. */
export function createEntryWriter(opts: {
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  backupDir: string
}): EntryWriter {
  const file = (): string => defaultWriteFile(opts.env, opts.homedir)
  const options = { backupDir: opts.backupDir, homedir: opts.homedir }
  return {
    upsert: (entry, o) => upsertEntries(file(), entry, { ...o, ...options }),
    async remove(names) {
      for (const name of names) {
        await removeEntries(file(), { cluster: name, user: name, context: name }, options)
      }
    },
  }
}
