import { randomBytes } from 'node:crypto'
import { open, realpath, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'

/** The two steps a crash can interrupt; tests pass failing versions. */
export interface AtomicWriteOps {
  write: (handle: FileHandle, content: string) => Promise<void>
  rename: (from: string, to: string) => Promise<void>
}

const realOps: AtomicWriteOps = {
  write: async (handle, content) => {
    await handle.writeFile(content, 'utf8')
  },
  rename,
}

/**
 * Replaces `file` atomically: temp file in the same folder, fsync, rename, fsync the folder. Symlinks are
 * followed so a linked ~/.kube/config stays a link. Hand-written rather than write-file-atomic because the
 * crash tests need to inject failing steps and the folder fsync.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  mode: number,
  ops: AtomicWriteOps = realOps,
): Promise<void> {
  const target = await realpath(file).catch(() => file)
  const dir = path.dirname(target)
  const temp = path.join(dir, `.${path.basename(target)}.skiff-${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  try {
    handle = await open(temp, 'wx', mode)
    await handle.chmod(mode) // open()'s mode is filtered by the umask
    await ops.write(handle, content)
    await handle.sync()
    await handle.close()
    handle = undefined
    await ops.rename(temp, target)
  } catch (err) {
    await handle?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw err
  }
  await syncDir(dir)
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined)
  await handle
    ?.sync()
    .catch(() => undefined)
    .finally(() => handle.close())
}
