import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ApiError } from '@shared/contract'
import { api } from '../api/client'
import { Dialog } from '../components/Dialog'
import { CommandList } from './CommandList'
import { execApprovalSettled, useExecApproval } from './exec-approval-store'

/**
 * Asks once before Skiff first runs a context's exec plugin (the command a kubeconfig user runs to get
 * credentials, e.g. `aws eks get-token`). Allowing remembers that exact command and its arguments.
 */
export function ExecApprovalDialog({ context }: { context: string | undefined }) {
  const { pending } = useExecApproval()
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const plugin = useQuery({
    queryKey: ['contexts.execPlugin', context],
    queryFn: () => api.call('contexts.execPlugin', { name: context ?? '' }),
    enabled: pending !== undefined && !!context,
  })
  const open = pending !== undefined
  const close = (approved: boolean): void => {
    setError(undefined)
    execApprovalSettled(approved)
    if (approved) void client.invalidateQueries()
  }
  const info = plugin.data
  return (
    <Dialog title="Allow this context to run a command?" open={open} onClose={() => close(false)}>
      {info ? (
        <>
          <p>
            Context <strong>{info.context}</strong> gets its credentials by running this command on your
            computer whenever Skiff talks to the cluster:
          </p>
          <CommandList plugins={[info]} />
          <p className="muted small">
            Allow it only if you trust where this kubeconfig came from. Skiff remembers your answer for this
            exact command and arguments.
          </p>
        </>
      ) : (
        <p>{pending}</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="secondary" onClick={() => close(false)}>
          Not now
        </button>
        <button
          type="button"
          disabled={!info || busy}
          onClick={() => {
            if (!info) return
            setBusy(true)
            api
              .call('contexts.approveExec', { name: info.context })
              .then(() => close(true))
              .catch((e: ApiError) => setError(e.message))
              .finally(() => setBusy(false))
          }}
        >
          {busy ? 'Working…' : 'Allow and run'}
        </button>
      </div>
    </Dialog>
  )
}
