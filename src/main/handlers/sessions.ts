import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node'
import type { sessionMethods, sessionStreams } from '@shared/contract/sessions'
import type { ExecSessions, Forwards, SessionHub } from '../sessions'
import { streamExec } from '../sessions'
import { forwardablePorts } from '../sessions/pod-choice'
import type { ConcernHandlers } from './concern'

export interface SessionDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  sessions: ExecSessions
  hub: SessionHub
  forwards: Forwards
  /**
   * Electron: opens a window that claims the ticket (the main process makes it; the page never calls
   * window.open). Absent in web mode, where the page opens a tab with the ticket itself.
   */
  openTerminalWindow?: (ticket: string) => void
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
      'exec.popout': (input) => {
        const { ticket, expiresAt } = deps.hub.popout(input.session)
        if (!deps.openTerminalWindow) return Promise.resolve({ opened: false as const, ticket, expiresAt })
        deps.openTerminalWindow(ticket)
        return Promise.resolve({ opened: true as const })
      },
      'exec.recall': (input) => {
        deps.hub.recall(input.session)
        return Promise.resolve({ ok: true as const })
      },
      'ports.start': (input) => deps.forwards.start(input),
      'ports.candidates': async (input) =>
        forwardablePorts((await deps.getKubeConfig(input.context)).makeApiClient(CoreV1Api), input),
      'ports.stop': (input) => Promise.resolve({ stopped: deps.forwards.stop(input.id) }),
      'ports.list': () => Promise.resolve(deps.forwards.list()),
    },
    streams: {
      'exec.session': (input, signal) => {
        const { context, namespace, pod, container, mode } = input
        const target = { ...(context ? { context } : {}), namespace, pod, container, mode }
        return deps.hub.open(
          target,
          (stop) => streamExec(deps.getKubeConfig, deps.sessions, input, stop),
          signal,
        )
      },
      'exec.claim': (input, signal) => deps.hub.claim(input.ticket, signal),
      'ports.watch': (_input, signal) => deps.forwards.watch(signal),
    },
  }
}
