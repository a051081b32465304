import { mkdir, readFile, rename, stat } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from './atomic-write'
import type { AtomicWriteOps } from './atomic-write'
import type { BackupStore } from './backups'
import { displayPath, KubeconfigError } from './errors'
import { MAX_FILE_BYTES, parseKubeconfig } from './load-file'
import { withFileLock } from './lock'
import type { LockOptions } from './lock'

export interface SafeWriteDeps {
  homedir: string
  backups?: BackupStore
  lock?: LockOptions
  atomicOps?: AtomicWriteOps
}

export interface SafeEditOptions {
  /** The content the change was planned on; a different content on disk fails with 'Changed'. */
  expected?: string
  /** Create the file (mode 0600) when it does not exist. */
  create?: boolean
  /** Allow replacing a file that does not parse (restoring a backup over it); its content is backed up first. */
  replaceBroken?: boolean
  /** The change being made, kept with the backup of the old content. */
  reason?: string
}

/**
 * Rewrites one kubeconfig under kubectl's lock: re-read, refuse a broken or changed file, back up the old
 * content, write atomically with the old file mode. Returns whether anything was written.
 */
export async function safeEdit(
  file: string,
  edit: (text: string) => string,
  deps: SafeWriteDeps,
  options: SafeEditOptions = {},
): Promise<boolean> {
  const shown = displayPath(file, deps.homedir)
  if (options.create) await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  return withFileLock(
    file,
    async () => {
      const current = await readCurrent(file, shown, options.create === true)
      if (options.expected !== undefined && current.text !== options.expected) {
        throw new KubeconfigError(
          'Changed',
          `${shown} was changed by another program while Skiff was about to write it. Nothing was written; look ` +
            'at the new content and try again.',
          { file },
        )
      }
      if (current.text.trim() !== '' && !options.replaceBroken)
        assertParses(file, shown, current.text, 'Broken')
      const next = edit(current.text)
      if (next === current.text) return false
      assertParses(file, shown, next, 'Invalid')
      if (current.exists) await deps.backups?.save(file, current.text, options.reason)
      await writeFileAtomic(
        file,
        next,
        current.mode,
        unchangedBeforeRename(file, shown, current.text, deps.atomicOps),
      )
      return true
    },
    { ...deps.lock, homedir: deps.homedir },
  )
}

/**
 * Programs that ignore kubectl's lock (an editor saving) can write while Skiff holds it: look again just
 * before the rename, so their change is reported instead of silently replaced.
 */
function unchangedBeforeRename(
  file: string,
  shown: string,
  expected: string,
  ops: AtomicWriteOps = {
    write: async (handle, content) => {
      await handle.writeFile(content, 'utf8')
    },
    rename,
  },
): AtomicWriteOps {
  return {
    write: ops.write,
    rename: async (from, to) => {
      const now = await readFile(file, 'utf8').catch(() => '')
      if (now !== expected) {
        throw new KubeconfigError(
          'Changed',
          `${shown} was changed by another program while Skiff was writing it. Skiff kept that change and ` +
            'wrote nothing; try again.',
          { file },
        )
      }
      await ops.rename(from, to)
    },
  }
}

async function readCurrent(
  file: string,
  shown: string,
  create: boolean,
): Promise<{ text: string; mode: number; exists: boolean }> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' && create) return undefined
    if (err.code === 'ENOENT')
      throw new KubeconfigError('NotFound', `${shown} does not exist any more.`, { file })
    throw err
  })
  if (!info) return { text: '', mode: 0o600, exists: false }
  if (!info.isFile())
    throw new KubeconfigError('Invalid', `${shown} is not a regular file; nothing was written.`)
  if (info.size > MAX_FILE_BYTES) {
    throw new KubeconfigError('Invalid', `${shown} is larger than 10 MB, so Skiff will not edit it.`)
  }
  return { text: await readFile(file, 'utf8'), mode: info.mode & 0o777, exists: true }
}

function assertParses(file: string, shown: string, text: string, code: 'Broken' | 'Invalid'): void {
  const parsed = parseKubeconfig(file, text)
  if (parsed.status === 'ok') return
  const where = parsed.error.line ? ` (line ${parsed.error.line}, column ${parsed.error.col})` : ''
  throw new KubeconfigError(
    code,
    code === 'Broken'
      ? `${shown} cannot be parsed${where}: ${parsed.error.message} Fix the file first; Skiff never writes to it.`
      : `Skiff refused to write ${shown}: the result would not be a valid kubeconfig (${parsed.error.message}).`,
    { file, ...parsed.error },
  )
}
