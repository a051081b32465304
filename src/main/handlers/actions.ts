import type { MethodHandlers, StreamHandlers } from '../transport/dispatch'
import type { ActionDeps } from '../workloads/deps'
import { streamDeploymentLogs } from '../workloads/deployment-logs'
import { streamPodLog } from '../workloads/logs-stream'
import { diff, history, restart, setImage, setPaused, status, undo } from '../workloads/rollout'
import { watchRolloutStatus } from '../workloads/rollout-watch'
import { scale } from '../workloads/scale'

export type ActionMethodName =
  | 'deployments.scale'
  | 'deployments.setImage'
  | 'rollout.restart'
  | 'rollout.pause'
  | 'rollout.resume'
  | 'rollout.status'
  | 'rollout.history'
  | 'rollout.diff'
  | 'rollout.undo'
export type ActionStreamName = 'rollout.watchStatus' | 'logs.stream' | 'logs.deployment'

export interface ActionHandlers {
  methods: Pick<MethodHandlers, ActionMethodName>
  streams: Pick<StreamHandlers, ActionStreamName>
}

/** Scale, rollout and log handlers for the backend's handler maps. */
export function createActionHandlers(deps: ActionDeps): ActionHandlers {
  return {
    methods: {
      'deployments.scale': (input) => scale(deps, input),
      'deployments.setImage': (input) => setImage(deps, input),
      'rollout.restart': (input) => restart(deps, input),
      'rollout.pause': (input) => setPaused(deps, input, true),
      'rollout.resume': (input) => setPaused(deps, input, false),
      'rollout.status': (input) => status(deps, input),
      'rollout.history': (input) => history(deps, input),
      'rollout.diff': (input) => diff(deps, input),
      'rollout.undo': (input) => undo(deps, input),
    },
    streams: {
      'rollout.watchStatus': (input, signal) => watchRolloutStatus(deps, input, signal),
      'logs.stream': (input, signal) => streamPodLog(deps, input, signal),
      'logs.deployment': (input, signal) => streamDeploymentLogs(deps, input, signal),
    },
  }
}
