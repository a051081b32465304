import { useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { ApiError, MethodOutput } from '@shared/contract'
import { useCall } from '../api/hooks'

/** What the backend sees on this machine (runtime, tools on PATH), and a way to look again. */
export function useSystemInfo(): {
  info: UseQueryResult<MethodOutput<'system.info'>, ApiError>
  checkAgain: () => void
} {
  const info = useCall('system.info', {})
  const client = useQueryClient()
  return { info, checkAgain: () => void client.invalidateQueries({ queryKey: ['system.info'] }) }
}
