/**
 * Sends keystrokes one call at a time, in order: web mode's calls are separate HTTP requests that could
 * overtake each other. What is typed while a call is out waits, joined into the next call (at most `max`
 * characters each).
 */
export function inputQueue(
  send: (data: string) => Promise<void>,
  onError: (err: unknown) => void,
  max: number,
): { push(data: string): void; idle(): Promise<void> } {
  let pending = ''
  let running: Promise<void> | undefined
  const pump = async (): Promise<void> => {
    while (pending) {
      const chunk = pending.slice(0, max)
      pending = pending.slice(chunk.length)
      try {
        await send(chunk)
      } catch (err) {
        pending = ''
        onError(err)
      }
    }
    running = undefined
  }
  return {
    push(data) {
      pending += data
      running ??= pump()
    },
    idle: () => running ?? Promise.resolve(),
  }
}
