import { randomBytes } from 'node:crypto'
import { link, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { displayPath, KubeconfigError } from './errors'
import { lockOwnerIsDead, lockStamp } from './lock-owner'

export interface LockOptions {
  /** A lock older than this is reported as stale (StaleLock) instead of "busy" (Locked). */
  staleMs?: number
  now?: () => number
  homedir?: string
}

export const DEFAULT_STALE_MS = 5 * 60_000

/**
 * Runs `fn` holding kubectl's `<file>.lock` (exclusive create, as client-go does), and, when `file` is a
 * symlink, the lock of the file it points to as well: another program may name either path. Skiff writes
 * its pid in the lock, so a lock left by a Skiff process that died (kill -9 mid-write) is recognised and
 * cleared at once; a lock of any other program is never stolen. Locks are always released.
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const paths = [file]
  const target = await realpath(file).catch(() => file)
  if (target !== file) paths.push(target)
  const held: string[] = []
  try {
    for (const p of paths) {
      await takeLock(p, options)
      held.push(`${p}.lock`)
    }
    return await fn()
  } finally {
    for (const lockPath of held.reverse()) await unlink(lockPath).catch(() => undefined)
  }
}

async function takeLock(file: string, options: LockOptions): Promise<void> {
  const lockPath = `${file}.lock`
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createStamped(lockPath)) return
    if (!(await clearDeadSkiffLock(lockPath))) break
  }
  throw await lockError(file, lockPath, options)
}

/**
 * Creates the lock with Skiff's stamp already in it: the stamp goes to a hidden temp file that is then
 * hard-linked to the lock's name, which fails if the lock exists (as exclusive as kubectl's O_EXCL create).
 * Creating the lock first and writing the stamp after would leave an empty lock, indistinguishable from
 * kubectl's, if Skiff were killed in between, and nobody could clear it.
 */
async function createStamped(lockPath: string): Promise<boolean> {
  const temp = path.join(
    path.dirname(lockPath),
    `.${path.basename(lockPath)}.${randomBytes(6).toString('hex')}`,
  )
  await writeFile(temp, await lockStamp(), { mode: 0o600, flag: 'wx' })
  try {
    await link(temp, lockPath)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return false
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/**
 * Removes a lock whose recorded Skiff process is gone. The lock is first renamed aside and checked again,
 * so that two Skiffs clearing the same dead lock at once cannot remove a fresh lock one of them just took.
 */
async function clearDeadSkiffLock(lockPath: string): Promise<boolean> {
  const stamp = await readFile(lockPath, 'utf8').catch(() => undefined)
  if (stamp === undefined) return true // released meanwhile: try again
  if (!(await lockOwnerIsDead(stamp))) return false
  const aside = `${lockPath}.dead-${randomBytes(6).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch {
    return true // someone else moved it first: try again
  }
  const moved = await readFile(aside, 'utf8').catch(() => '')
  if (moved !== stamp) {
    // We moved a fresh lock: put it back unless yet another one exists, and treat the file as busy.
    await link(aside, lockPath).catch(() => undefined)
    await unlink(aside).catch(() => undefined)
    return false
  }
  await unlink(aside).catch(() => undefined)
  return true
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
