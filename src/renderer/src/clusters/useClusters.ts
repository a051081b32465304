import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { ApiError, ClusterList, Detection, JobInfo, MethodInput } from '@shared/contract'
import { api } from '../api/client'
import { useCall } from '../api/hooks'
import { useNotice } from '../components/Notice'

export interface Clusters {
  list: ReturnType<typeof useCall<'clusters.list'>>
  detections: Detection[]
  detecting: boolean
  /** Asks every provider again (list and prerequisites). */
  refresh: () => void
  refreshing: boolean
  /** Start, stop, pause, unpause or delete; the job it starts is handed to `onJob`. */
  action: UseMutationResult<JobInfo, ApiError, MethodInput<'clusters.action'>>
}

/** The clusters of every provider, what this machine has for them, and the lifecycle actions. */
export function useClusters(onJob: (job: JobInfo) => void): Clusters {
  const list = useCall('clusters.list', {})
  const detect = useCall('clusters.detect', {})
  const client = useQueryClient()
  const notice = useNotice()
  const action = useMutation<JobInfo, ApiError, MethodInput<'clusters.action'>>({
    mutationFn: (input) => api.call('clusters.action', input),
    onSuccess: onJob,
    onError: (err) => notice('error', err.message),
  })
  return {
    list,
    detections: detect.data ?? [],
    detecting: detect.isPending,
    refresh: () => {
      void client.invalidateQueries({ queryKey: ['clusters.list'] })
      void client.invalidateQueries({ queryKey: ['clusters.detect'] })
      void client.invalidateQueries({ queryKey: ['clusters.external'] })
    },
    refreshing: list.isFetching || detect.isFetching,
    action,
  }
}

export type { ClusterList }
