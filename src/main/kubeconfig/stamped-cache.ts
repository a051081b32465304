import { stat } from 'node:fs/promises'

/**
 * A file written this recently may be written again within the same timestamp tick (Linux stamps files with a
 * coarse clock; kubectl rewrites in place, so the inode stays) with the same size: its stamp would not change.
 * Such a "racy" stamp (git's term) is never trusted for later calls.
 */
const RACY_MS = 2000

interface Stamp {
  /** Path, size, mtime, ctime and inode of each file. */
  key: string
  /** The newest mtime among the files, in ms (a content change always moves it). */
  newestMs: number
}

async function stampOf(files: readonly string[]): Promise<Stamp> {
  let newestMs = 0
  const parts = await Promise.all(
    files.map(async (f) => {
      try {
        const s = await stat(f, { bigint: true })
        newestMs = Math.max(newestMs, Number(s.mtimeNs / 1_000_000n))
        return `${f}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`
      } catch {
        return `${f}:-`
      }
    }),
  )
  return { key: parts.join('|'), newestMs }
}

/**
 * The last value read from a set of files, reused while none of them changed, and one read shared by calls
 * that overlap (a page's start asks for the contexts twice at once: contexts.list and the watch's first
 * snapshot). The stamp is taken before the read, so a change during a read makes the next call read again.
 * A value read from files changed in the last RACY_MS is shared only while its read runs.
 */
export function createStampedCache<T>(
  now: () => number = Date.now,
): (files: readonly string[], read: () => Promise<T>) => Promise<T> {
  let last: { key: string; value: Promise<T>; reusable: boolean; settled: boolean } | undefined
  return async (files, read) => {
    const stamp = await stampOf(files)
    if (last?.key === stamp.key && (last.reusable || !last.settled)) return last.value
    const entry = {
      key: stamp.key,
      value: read(),
      reusable: now() - stamp.newestMs > RACY_MS,
      settled: false,
    }
    last = entry
    entry.value.then(
      () => (entry.settled = true),
      // A failed read is not kept: the next call tries again.
      () => {
        entry.settled = true
        if (last === entry) last = undefined
      },
    )
    return entry.value
  }
}
