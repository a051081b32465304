import { readFileSync } from 'node:fs'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@sandbox'

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
 * A sandbox a test stops and starts again on the same port. Its first port is picked below the ephemeral
 * range: a port the kernel handed out (`port: 0`) goes back into the pool for every outgoing connection on
 * the box while the sandbox is down (a client retrying that very address can even connect to itself), and
 * the restart then fails with EADDRINUSE. Below the range only an explicit listen can take it; a port
 * already taken at the first start is skipped for another.
 */
export async function startRestartableSandbox(opts: Omit<SandboxOptions, 'port'>): Promise<RunningSandbox> {
  const high = ephemeralLow() - 1
  const low = Math.max(1025, high - 12_000)
  for (let attempt = 1; ; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1))
    try {
      return await startSandbox({ ...opts, port })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw err
    }
  }
}
