import { stat } from 'node:fs/promises'

/** What identifies the files' contents without reading them: path, size, mtime, ctime and inode of each. */
export async function filesStamp(files: readonly string[]): Promise<string> {
  const stamps = await Promise.all(
    files.map(async (f) => {
      try {
        const s = await stat(f, { bigint: true })
        return `${f}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`
      } catch {
        return `${f}:-`
      }
    }),
  )
  return stamps.join('|')
}

/**
 * The last value read from a set of files, reused while none of them changed, and one read shared by calls
 * that overlap (a page's start asks for the contexts twice at once: contexts.list and the watch's first
 * snapshot). The stamp is taken before the read, so a change during a read makes the next call read again.
 */
export function createStampedCache<T>(): (files: readonly string[], read: () => Promise<T>) => Promise<T> {
  let last: { stamp: string; value: Promise<T> } | undefined
  return async (files, read) => {
    const stamp = await filesStamp(files)
    if (last?.stamp === stamp) return last.value
    const entry = { stamp, value: read() }
    last = entry
    // A failed read is not kept: the next call tries again.
    entry.value.catch(() => {
      if (last === entry) last = undefined
    })
    return entry.value
  }
}
