import type { UseQueryResult } from '@tanstack/react-query'
import type { ApiError, BackupEntry } from '@shared/contract'
import { useCall } from '../api/hooks'
import { useContextAction } from './useContextAction'

/** The kubeconfig backups Skiff kept, newest first, and the action that restores one. */
export function useBackups(): {
  backups: UseQueryResult<BackupEntry[], ApiError>
  restore: ReturnType<typeof useContextAction<'contexts.restore'>>
} {
  const backups = useCall('contexts.backups', {})
  const restore = useContextAction(
    'contexts.restore',
    () => 'Restored the backup. The version it replaced was backed up too.',
  )
  return { backups, restore }
}

/** One backup beside the file it would replace, fetched when a restore is being considered. */
export function useBackupComparison(id: string | undefined) {
  return useCall('contexts.compareBackup', { id: id ?? '' }, { enabled: !!id })
}
