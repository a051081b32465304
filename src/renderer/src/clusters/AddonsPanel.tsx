import { useMutation, useQuery } from '@tanstack/react-query'
import type { AddonInfo, ApiError, ClusterInfo, JobInfo, MethodInput } from '@shared/contract'
import { minikubeAddons } from '@shared/cluster-options'
import type { MinikubeAddon } from '@shared/cluster-options'
import { api } from '../api/client'
import { ErrorBox } from '../components/ErrorBox'
import { useNotice } from '../components/Notice'

const offered = new Set<string>(minikubeAddons)

/** minikube's addons with enable/disable; each change is a job with progress in the jobs list. */
export function AddonsPanel({
  cluster,
  onStarted,
}: {
  cluster: ClusterInfo
  onStarted: (job: JobInfo) => void
}) {
  const notice = useNotice()
  const addons = useQuery<AddonInfo[], ApiError>({
    queryKey: ['addons.list', { name: cluster.name }],
    queryFn: () => api.call('addons.list', { name: cluster.name }),
  })
  const set = useMutation<JobInfo, ApiError, MethodInput<'addons.set'>>({
    mutationFn: (input) => api.call('addons.set', input),
    onSuccess: onStarted,
    onError: (err) => notice('error', err.message),
  })
  if (addons.isError) return <ErrorBox error={addons.error} title="Could not list minikube’s addons" />
  if (!addons.data) return <p className="muted">Asking minikube for its addons…</p>
  return (
    <table className="dev-loop-table" aria-label="minikube addons">
      <thead>
        <tr>
          <th>Addon</th>
          <th>Status</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {addons.data
          .filter((a) => offered.has(a.name))
          .map((a) => (
            <tr key={a.name}>
              <td className="mono">{a.name}</td>
              <td>
                <span className={`pill ${a.status === 'enabled' ? 'ok' : 'off'}`}>{a.status}</span>
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={set.isPending}
                  onClick={() =>
                    set.mutate({
                      name: cluster.name,
                      addon: a.name as MinikubeAddon,
                      enabled: a.status !== 'enabled',
                    })
                  }
                >
                  {a.status === 'enabled' ? 'Disable' : 'Enable'} {a.name}
                </button>
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  )
}
