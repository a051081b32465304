import { readFileSync } from 'node:fs'

/** The lowest port the kernel picks for outgoing connections (Linux: ip_local_port_range). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0])
    return Number.isInteger(low) && low > 2048 ? low : 32768
  } catch {
    return 32768
  }
}

/**
 * A random port below the ephemeral range, for a server a test stops and starts again on the same port. A port
 * the kernel handed out (`port: 0`) goes back into the pool of every outgoing connection on the box while the
 * server is down (a client retrying that very address can even connect to itself), and the restart then fails
 * with EADDRINUSE. Below the range only an explicit listen can take it; the caller tries another candidate when
 * one is already taken at the first start.
 */
export function stablePortCandidate(): number {
  const high = ephemeralLow() - 1
  const low = Math.max(1025, high - 12_000)
  return low + Math.floor(Math.random() * (high - low + 1))
}

/**
 * Starts a server on a stable port (see stablePortCandidate), trying another candidate while `taken` says the
 * start failed because the port was in use.
 */
export async function onStablePort<T>(
  start: (port: number) => Promise<T>,
  taken: (err: unknown) => boolean,
  attempts = 20,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(stablePortCandidate())
    } catch (err) {
      if (!taken(err) || attempt >= attempts) throw err
    }
  }
}
