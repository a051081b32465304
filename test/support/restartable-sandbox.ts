import { startSandbox, type RunningSandbox, type SandboxOptions } from '@sandbox'
import { onStablePort } from './stable-port'

/** A sandbox a test stops and starts again on its port: first started on a port below the ephemeral range. */
export function startRestartableSandbox(opts: Omit<SandboxOptions, 'port'>): Promise<RunningSandbox> {
  return onStablePort(
    (port) => startSandbox({ ...opts, port }),
    (err) => (err as NodeJS.ErrnoException).code === 'EADDRINUSE',
  )
}
