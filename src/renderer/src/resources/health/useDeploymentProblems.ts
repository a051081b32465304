import { useMemo, useState } from 'react'
import type { DeploymentRow, Row } from '@shared/rows'
import { withPodProblems, type DeploymentWithPods } from '@shared/workload-health'
import { useWatchSelect, type WatchOptions } from '../useResourceWatch'
import { PodHealthTally } from './pod-health-tally'

/**
 * Deployment rows with what their pods say (`Degraded: ImagePullBackOff (1 of 1 pods)`): the conditions on a
 * Deployment stay "Progressing" for the whole progress deadline while its pods cannot even pull their image.
 * Shares the pods watch the rest of the app opens for the same namespaces, but counts only the pods each batch
 * changed, and re-renders only when some deployment's problem changed: during a rollout the pods watch
 * delivers a batch every few frames and the list behind the Reconcile tab has no reason to render for it.
 */
export function useDeploymentsWithPods(
  deployments: readonly DeploymentRow[],
  scope: WatchOptions,
): DeploymentWithPods[] {
  const [tally] = useState(() => new PodHealthTally())
  const problems = useWatchSelect('pods', scope, tally.update)
  return useMemo(() => withPodProblems(deployments, problems), [deployments, problems])
}

/** For ResourceList: any kind's rows, augmented only when they are deployments. */
export function useDeploymentRowsWithPods(rows: readonly Row[], scope: WatchOptions): readonly Row[] {
  return useDeploymentsWithPods(rows as readonly DeploymentRow[], scope)
}
