import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node'
import type { sessionMethods, sessionStreams } from '@shared/contract/sessions'
import type { ExecSessions, Forwards } from '../sessions'
import { streamExec } from '../sessions'
import { forwardablePorts } from '../sessions/pod-choice'
import type { ConcernHandlers } from './concern'

export interface SessionDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  sessions: ExecSessions
  forwards: Forwards
}

/** Terminal sessions and port forwards. */
export function createSessionHandlers(
  deps: SessionDeps,
): ConcernHandlers<typeof sessionMethods, typeof sessionStreams> {
  return {
    methods: {
      'exec.input': (input) => Promise.resolve({ accepted: deps.sessions.input(input.session, input.data) }),
      'exec.resize': (input) => {
        deps.sessions.resize(input.session, input.cols, input.rows)
        return Promise.resolve({ ok: true as const })
      },
      'ports.start': (input) => deps.forwards.start(input),
      'ports.candidates': async (input) =>
        forwardablePorts((await deps.getKubeConfig(input.context)).makeApiClient(CoreV1Api), input),
      'ports.stop': (input) => Promise.resolve({ stopped: deps.forwards.stop(input.id) }),
      'ports.list': () => Promise.resolve(deps.forwards.list()),
    },
    streams: {
      'exec.session': (input, signal) => streamExec(deps.getKubeConfig, deps.sessions, input, signal),
      'ports.watch': (_input, signal) => deps.forwards.watch(signal),
    },
  }
}
