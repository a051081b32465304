import type { SystemInfo, ToolStatus } from '@shared/contract'
import { detectTools, type RunVersion } from './detect-tools'
import { sleepUnlessAborted } from '../util/sleep'

export interface SystemServiceOptions {
  run: RunVersion
  appVersion: string
  transport: SystemInfo['transport']
  /** Read lazily so tests can change PATH. */
  path?: () => string | undefined
}

export interface SystemService {
  info(): Promise<SystemInfo>
  watchTools(intervalMs: number, signal: AbortSignal): AsyncGenerator<ToolStatus[]>
}

export function createSystemService(options: SystemServiceOptions): SystemService {
  const detect = (): Promise<ToolStatus[]> => detectTools({ run: options.run, path: options.path?.() })

  return {
    async info() {
      const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
      return {
        app: { name: 'Skiff', version: options.appVersion },
        runtime: {
          node: process.version,
          electron: versions.electron,
          chrome: versions.chrome,
          platform: process.platform,
          arch: process.arch,
        },
        transport: options.transport,
        tools: await detect(),
      }
    },

    async *watchTools(intervalMs, signal) {
      let last = ''
      while (!signal.aborted) {
        const tools = await detect()
        const key = JSON.stringify(tools)
        if (key !== last) {
          last = key
          yield tools
        }
        await sleepUnlessAborted(intervalMs, signal)
      }
    },
  }
}
