import type { actionMethods, actionStreams } from '@shared/contract/actions'
import type { ActionDeps } from '../workloads/deps'
import { streamDeploymentLogs } from '../workloads/deployment-logs'
import { streamPodLog } from '../workloads/logs-stream'
import { canI, roleRules } from '../resources/rbac'
import { cronJobState, jobState, runCronJobNow, suspendCronJob } from '../workloads/cronjob'
import { hpaState } from '../workloads/hpa'
import { setPods } from '../workloads/set-pods'
import { cordon, drain, drainPlan } from '../workloads/node-drain'
import { diff, history, restart, setImage, setPaused, status, undo } from '../workloads/rollout'
import { watchRolloutStatus } from '../workloads/rollout-watch'
import { scale } from '../workloads/scale'
import type { ConcernHandlers } from './concern'

/** Scale, rollout and log handlers for the backend's handler maps. */
export function createActionHandlers(
  deps: ActionDeps,
): ConcernHandlers<typeof actionMethods, typeof actionStreams> {
  return {
    methods: {
      'nodes.cordon': (input) => cordon(deps, input),
      'nodes.drainPlan': (input) => drainPlan(deps, input),
      'nodes.drain': (input) => drain(deps, input),
      'cronjobs.state': (input) => cronJobState(deps, input),
      'cronjobs.suspend': (input) => suspendCronJob(deps, input),
      'cronjobs.runNow': (input) => runCronJobNow(deps, input),
      'jobs.state': (input) => jobState(deps, input),
      'sets.pods': (input) => setPods(deps, input),
      'hpa.state': (input) => hpaState(deps, input),
      'rbac.rules': (input) => roleRules(deps, input),
      'rbac.canI': (input) => canI(deps, input),
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
