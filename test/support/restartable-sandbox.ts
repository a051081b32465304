import { startSandbox, type RunningSandbox, type SandboxOptions } from '@sandbox'
import { stablePortCandidate } from './stable-port'

/** A sandbox a test stops and starts again on its port: first started on a port below the ephemeral range. */
export async function startRestartableSandbox(opts: Omit<SandboxOptions, 'port'>): Promise<RunningSandbox> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSandbox({ ...opts, port: stablePortCandidate() })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw err
    }
  }
}
