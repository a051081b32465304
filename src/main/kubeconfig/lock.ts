import { open, stat, unlink } from 'node:fs/promises'
import { displayPath, KubeconfigError } from './errors'

export interface LockOptions {
  /** A lock older than this is reported as stale (StaleLock) instead of "busy" (Locked). */
  staleMs?: number
  now?: () => number
  homedir?: string
}

export const DEFAULT_STALE_MS = 5 * 60_000

/** Runs `fn` holding kubectl's `<file>.lock` (exclusive create); the lock is never stolen, always released. */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const lockPath = `${file}.lock`
  let handle
  try {
    handle = await open(lockPath, 'wx', 0o600)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    throw await lockError(file, lockPath, options)
  }
  try {
    await handle.close()
    return await fn()
  } finally {
    await unlink(lockPath).catch(() => undefined)
  }
}

async function lockError(file: string, lockPath: string, options: LockOptions): Promise<KubeconfigError> {
  const home = options.homedir ?? ''
  const since = await stat(lockPath).then(
    (info) => info.mtimeMs,
    () => (options.now ?? Date.now)(),
  )
  const age = (options.now ?? Date.now)() - since
  const at = new Date(since).toTimeString().slice(0, 5)
  const details = { file, lockPath, since: new Date(since).toISOString() }
  if (age > (options.staleMs ?? DEFAULT_STALE_MS)) {
    return new KubeconfigError(
      'StaleLock',
      `${displayPath(file, home)} has been locked since ${at} (lock file ${displayPath(lockPath, home)}); a program ` +
        'probably stopped while writing it. Delete the lock file if no kubectl is running, then try again.',
      details,
    )
  }
  return new KubeconfigError(
    'Locked',
    `Another program is writing ${displayPath(file, home)} (lock file ${displayPath(lockPath, home)} exists since ` +
      `${at}). Try again, or delete the lock if no kubectl is running.`,
    details,
  )
}
