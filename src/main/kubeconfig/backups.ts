import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { KubeconfigError } from './errors'
import type { BackupInfo } from './types'

export const BACKUPS_KEPT = 20

export interface BackupStore {
  /** `reason` names the change the backup precedes ("Switch to “dev”"), shown beside it. */
  save(file: string, content: string, reason?: string): Promise<BackupInfo>
  list(): Promise<BackupInfo[]>
  read(id: string): Promise<{ file: string; content: string }>
}

// One folder per kubeconfig path (hashed), holding `source` (the path), `<time>-<seq>.yaml` copies and, beside
// each, `<time>-<seq>.reason`: the change it preceded (absent for backups taken before reasons were kept).
export function createBackupStore(
  dir: string,
  now: () => number = Date.now,
  keep = BACKUPS_KEPT,
): BackupStore {
  let seq = 0
  const folderFor = (file: string): string =>
    path.join(dir, createHash('sha256').update(file).digest('hex').slice(0, 16))

  async function listFolder(folder: string): Promise<BackupInfo[]> {
    const file = await readFile(path.join(folder, 'source'), 'utf8').catch(() => '')
    if (!file) return []
    const names = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort()
    return Promise.all(
      names.map(async (name) => {
        const info = await stat(path.join(folder, name))
        const createdAt = new Date(Number(name.split('-')[0]))
        const reason = await readFile(path.join(folder, reasonFile(name)), 'utf8').catch(() => undefined)
        const entry: BackupInfo = { id: `${path.basename(folder)}/${name}`, file, createdAt, size: info.size }
        return reason ? { ...entry, reason } : entry
      }),
    )
  }

  return {
    async save(file, content, reason) {
      const folder = folderFor(file)
      await mkdir(folder, { recursive: true, mode: 0o700 })
      await writeFile(path.join(folder, 'source'), file, { mode: 0o600 })
      const name = `${String(now()).padStart(15, '0')}-${String(seq++).padStart(6, '0')}.yaml`
      // Backups hold credentials: only the owner may read them.
      await writeFile(path.join(folder, name), content, { mode: 0o600 })
      if (reason) await writeFile(path.join(folder, reasonFile(name)), reason.slice(0, 300), { mode: 0o600 })
      const all = await listFolder(folder)
      for (const old of all.slice(0, Math.max(0, all.length - keep))) {
        await unlink(path.join(dir, old.id)).catch(() => undefined)
        await unlink(path.join(dir, reasonFile(old.id))).catch(() => undefined)
      }
      return all.find((b) => b.id.endsWith(name)) as BackupInfo
    },
    async list() {
      const folders = await readdir(dir).catch(() => [] as string[])
      const lists = await Promise.all(folders.map((name) => listFolder(path.join(dir, name))))
      return lists.flat().sort((a, b) => b.id.split('/')[1]!.localeCompare(a.id.split('/')[1]!))
    },
    async read(id) {
      if (!/^[0-9a-f]{16}\/\d{15}-\d{6}\.yaml$/.test(id))
        throw new KubeconfigError('Invalid', `"${id}" is not a backup id.`)
      const folder = path.join(dir, id.split('/')[0]!)
      try {
        const file = await readFile(path.join(folder, 'source'), 'utf8')
        return { file, content: await readFile(path.join(dir, id), 'utf8') }
      } catch {
        throw new KubeconfigError('NotFound', `Backup ${id} no longer exists; pick another from the list.`)
      }
    },
  }
}

const reasonFile = (yamlName: string): string => yamlName.replace(/\.yaml$/, '.reason')
