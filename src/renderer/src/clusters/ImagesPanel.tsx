import { useMutation, useQuery } from '@tanstack/react-query'
import type { ApiError, ClusterInfo, JobInfo, MethodInput, WaitingPod } from '@shared/contract'
import { api } from '../api/client'
import { ErrorBox } from '../components/ErrorBox'
import { useNotice } from '../components/Notice'

const LOAD_VERB = {
  kind: 'kind load docker-image',
  minikube: 'minikube image load',
  sandbox: 'load',
} as const

/** The host engine's images with "Load into cluster", pods stuck on a local image, and what the nodes hold. */
export function ImagesPanel({
  cluster,
  onStarted,
}: {
  cluster: ClusterInfo
  onStarted: (job: JobInfo) => void
}) {
  const notice = useNotice()
  const which = { provider: cluster.provider, name: cluster.name }
  const host = useQuery({ queryKey: ['images.host', {}], queryFn: () => api.call('images.host', {}) })
  // Pods move on their own (a load lets the kubelet's next retry succeed): look again every few seconds.
  const waiting = useQuery<WaitingPod[], ApiError>({
    queryKey: ['images.waiting', which],
    queryFn: () => api.call('images.waiting', which),
    refetchInterval: 3000,
  })
  const inCluster = useQuery({
    queryKey: ['images.cluster', which],
    queryFn: () => api.call('images.cluster', which),
  })
  const load = useMutation<JobInfo, ApiError, MethodInput<'images.load'>>({
    mutationFn: (input) => api.call('images.load', input),
    onSuccess: onStarted,
    onError: (err) => notice('error', err.message),
  })
  const loadImage = (image: string): void => load.mutate({ ...which, image })
  const stuck = (waiting.data ?? []).filter((w) => w.onHost)
  const stuckImages = [...new Set(stuck.map((w) => w.image))]

  return (
    <div className="stack">
      {stuckImages.map((image) => {
        const pods = stuck.filter((w) => w.image === image)
        return (
          <div key={image} className="image-hint" role="status">
            <span>
              <strong>{pods.map((p) => `${p.namespace}/${p.pod}`).join(', ')}</strong>{' '}
              {pods.length === 1 ? 'is' : 'are'} in {pods[0]?.reason}: <code className="mono">{image}</code>{' '}
              exists on your machine but not in the cluster. Load it.
            </span>
            <button type="button" onClick={() => loadImage(image)} disabled={load.isPending}>
              Load {image}
            </button>
          </div>
        )
      })}
      {(waiting.data ?? [])
        .filter((w) => !w.onHost)
        .map((w) => (
          <p key={`${w.namespace}/${w.pod}/${w.container}`} className="muted small">
            {w.namespace}/{w.pod} waits for <code className="mono">{w.image}</code> ({w.reason}); this machine
            does not have it either — build or pull it first.
          </p>
        ))}
      <h3 className="small">On this machine{host.data?.engine ? ` (${host.data.engine})` : ''}</h3>
      {host.isError && <ErrorBox error={host.error} title="Could not list this machine’s images" />}
      {host.data?.problem && <p className="field-error">{host.data.problem}</p>}
      {host.data && host.data.images.length === 0 && !host.data.problem && (
        <p className="muted">
          The container engine has no images. Build one (docker build -t myapp:dev .) and look again.
        </p>
      )}
      {host.data && host.data.images.length > 0 && (
        <table className="dev-loop-table" aria-label="Images on this machine">
          <thead>
            <tr>
              <th>Image</th>
              <th>ID</th>
              <th>Size</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {host.data.images.map((i) => (
              <tr key={`${i.ref}@${i.id}`}>
                <td className="mono">{i.ref}</td>
                <td className="mono muted">{i.id}</td>
                <td>{i.size ?? ''}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="secondary"
                    title={`${LOAD_VERB[cluster.provider]} ${i.ref}`}
                    onClick={() => loadImage(i.ref)}
                    disabled={load.isPending}
                  >
                    Load into {cluster.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary className="small">
          In the cluster{inCluster.data ? ` (${inCluster.data.images.length} images)` : ''}
        </summary>
        {inCluster.isError && (
          <ErrorBox error={inCluster.error} title="Could not list the cluster’s images" />
        )}
        {inCluster.data && inCluster.data.images.length === 0 && (
          <p className="muted small">Nothing loaded yet.</p>
        )}
        <ul className="mono small" aria-label="Images in the cluster">
          {inCluster.data?.images.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      </details>
    </div>
  )
}
