import type { ServerResponse } from 'node:http'

/**
 * Writes one event-stream frame and hands it to the socket at once. A Node response corks its socket on a
 * write and uncorks it on the next tick, and a long run of promise callbacks postpones that tick: a snapshot's
 * parts are packed one after another in such a run, so its 500-row head, written first, left only with
 * everything packed after it (a cold start's first rows waited for the whole list's encoding;
 * docs/performance.md, "Cold start, fifth pass"). Uncorking when nothing is corked does nothing.
 */
export function writeFrame(res: ServerResponse, frame: string): void {
  res.write(frame)
  res.socket?.uncork()
}
