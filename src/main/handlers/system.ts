import type { systemMethods, systemStreams } from '@shared/contract/system'
import type { SystemService } from '../system/system-service'
import type { ConcernHandlers } from './concern'

/** Tools and versions change rarely; the default re-check is every 10 s. */
const TOOLS_INTERVAL_MS = 10_000

export function createSystemHandlers(
  svc: SystemService,
): ConcernHandlers<typeof systemMethods, typeof systemStreams> {
  return {
    methods: { 'system.info': () => svc.info() },
    streams: {
      'system.tools': (input, signal) => svc.watchTools(input.intervalMs ?? TOOLS_INTERVAL_MS, signal),
    },
  }
}
