import {
  createDispatcher,
  type Dispatcher,
  type MethodHandlers,
  type StreamHandlers,
} from './transport/dispatch'
import { createSystemService } from './system/system-service'
import { runVersion } from './system/run-version'
import type { RunVersion } from './system/detect-tools'
import type { SystemInfo } from '../shared/contract'
import { appVersion } from './app-version'

export interface BackendOptions {
  transport: SystemInfo['transport']
  /** Where Skiff keeps its own files (backups, sandbox state, window state). */
  dataDir: string
  env?: NodeJS.ProcessEnv
  run?: RunVersion
  log?: (message: string) => void
}

export interface Backend {
  dispatcher: Dispatcher
  close(): Promise<void>
}

/** The composition root: wires every service behind the contract. No electron import here. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env
  const system = createSystemService({
    run: options.run ?? runVersion,
    appVersion,
    transport: options.transport,
    path: () => env.PATH,
  })

  const handlers: MethodHandlers = {
    'system.info': () => system.info(),
  }
  const streamHandlers: StreamHandlers = {
    'system.tools': (input, signal) => system.watchTools(input.intervalMs ?? 10_000, signal),
  }

  return {
    dispatcher: createDispatcher(handlers, streamHandlers, options.log ?? ((m) => console.error(m))),
    async close() {},
  }
}
