import { setTimeout as delay } from 'node:timers/promises'

/** Waits `ms`; resolves false (instead of throwing) as soon as `signal` aborts. */
export async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal })
    return true
  } catch (err) {
    if (signal.aborted) return false
    throw err
  }
}
