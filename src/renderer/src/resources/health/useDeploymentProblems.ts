import { useMemo } from 'react'
import type { DeploymentRow, Row } from '@shared/rows'
import { deploymentProblems, withPodProblems, type DeploymentWithPods } from '@shared/workload-health'
import { useResourceWatch, type WatchOptions } from '../useResourceWatch'

/**
 * Deployment rows with what their pods say (`Degraded: ImagePullBackOff (1 of 1 pods)`): the conditions on a
 * Deployment stay "Progressing" for the whole progress deadline while its pods cannot even pull their image.
 * Shares the pods watch the rest of the app opens for the same namespaces.
 */
export function useDeploymentsWithPods(
  deployments: readonly DeploymentRow[],
  scope: WatchOptions,
): DeploymentWithPods[] {
  const pods = useResourceWatch('pods', scope)
  const problems = useMemo(() => deploymentProblems(pods.rows), [pods.rows])
  return useMemo(() => withPodProblems(deployments, problems), [deployments, problems])
}

/** For ResourceList: any kind's rows, augmented only when they are deployments. */
export function useDeploymentRowsWithPods(rows: readonly Row[], scope: WatchOptions): readonly Row[] {
  return useDeploymentsWithPods(rows as readonly DeploymentRow[], scope)
}
