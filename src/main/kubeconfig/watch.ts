import { existsSync, watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import path from 'node:path'

export interface WatchOptions {
  debounceMs?: number
  /** Called when a folder cannot be watched. */
  onError?: (err: Error) => void
  /** node:fs watch by default; tests wrap it to count open handles. */
  watchFn?: typeof watch
}

/**
 * Calls `onChange` (debounced) when any of `files` is written, created, deleted or replaced. Folders are
 * watched, not files, because kubectl and editors may replace a file by rename, which ends a watch on it.
 * A folder that does not exist yet (no ~/.kube) is awaited by watching its nearest existing parent.
 */
export function watchFiles(
  files: readonly string[],
  onChange: () => void,
  options: WatchOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 100
  const watchFn = options.watchFn ?? watch
  const byDir = new Map<string, Set<string>>()
  for (const file of files) {
    const dir = path.dirname(file)
    byDir.set(dir, (byDir.get(dir) ?? new Set()).add(path.basename(file)))
  }
  let timer: NodeJS.Timeout | undefined
  let closed = false
  let watchers: FSWatcher[] = []
  const fire = (): void => {
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (!closed) onChange()
    }, debounceMs)
  }

  // Watch the deeper folder, then report a change: a file written there before its watch started is read then.
  const rearm = (): void =>
    void setImmediate(() => {
      if (closed) return
      arm()
      fire()
    })
  const arm = (): void => {
    for (const watcher of watchers) watcher.close()
    watchers = []
    for (const [dir, names] of byDir) {
      const { target, filter, waiting } = nearestExisting(dir, names)
      try {
        const watcher = watchFn(target, { persistent: false }, (_event, filename) => {
          // A null filename means the platform could not say which entry changed: assume ours.
          if (filename !== null && !filter.has(filename.toString())) return
          if (waiting) rearm() // the awaited folder appeared: watch it now
          fire()
        })
        watcher.on('error', (err) => options.onError?.(err))
        watchers.push(watcher)
      } catch (err) {
        options.onError?.(err as Error)
      }
      // What appeared between the existence check and the watch starting sent its event to no one (`mkdir -p`
      // makes ~/.kube right after ~): look again rather than wait for an event that will not come.
      if (waiting && [...filter].some((name) => existsSync(path.join(target, name)))) rearm()
    }
  }
  arm()

  return () => {
    closed = true
    clearTimeout(timer)
    for (const watcher of watchers) watcher.close()
    watchers = []
  }
}

function nearestExisting(
  dir: string,
  names: Set<string>,
): { target: string; filter: Set<string>; waiting: boolean } {
  let child = dir
  let parent = dir
  while (!existsSync(parent)) {
    child = parent
    const up = path.dirname(parent)
    if (up === parent) break
    parent = up
  }
  return parent === dir
    ? { target: dir, filter: names, waiting: false }
    : { target: parent, filter: new Set([path.basename(child)]), waiting: true }
}
