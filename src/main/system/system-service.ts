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

/** Results younger than this are shared: 200 open System views cost one detection, not 200. */
const SHARE_MS = 1000

export function createSystemService(options: SystemServiceOptions): SystemService {
  // One detection at a time, shared by every caller that asks while it runs or shortly after.
  let inFlight: { path: string | undefined; tools: Promise<ToolStatus[]> } | undefined
  let last: { at: number; path: string | undefined; tools: ToolStatus[] } | undefined
  const detect = (): Promise<ToolStatus[]> => {
    const path = options.path?.()
    if (last && last.path === path && Date.now() - last.at < SHARE_MS) return Promise.resolve(last.tools)
    if (inFlight && inFlight.path === path) return inFlight.tools
    const mine = {
      path,
      tools: detectTools({ run: options.run, path })
        .then((tools) => {
          last = { at: Date.now(), path, tools }
          return tools
        })
        .finally(() => {
          if (inFlight === mine) inFlight = undefined
        }),
    }
    inFlight = mine
    return mine.tools
  }

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
