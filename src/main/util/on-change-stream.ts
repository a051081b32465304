/**
 * Turns "something changed" callbacks into an async generator that yields a fresh snapshot first and after
 * every burst of changes (changes while a snapshot is being read collapse into one more snapshot).
 */
export async function* onChangeStream<T>(
  subscribe: (onChange: () => void) => () => void,
  snapshot: () => Promise<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  let dirty = true
  let wake: (() => void) | undefined
  const unsubscribe = subscribe(() => {
    dirty = true
    wake?.()
  })
  const onAbort = (): void => wake?.()
  signal.addEventListener('abort', onAbort)
  try {
    while (!signal.aborted) {
      if (dirty) {
        dirty = false
        yield await snapshot()
        continue
      }
      await new Promise<void>((resolve) => (wake = resolve))
      wake = undefined
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    unsubscribe()
  }
}
