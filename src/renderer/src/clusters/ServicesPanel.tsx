import { useEffect, useState } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { ApiError, ClusterInfo, JobInfo, ServiceSummary, ServiceUrls } from '@shared/contract'
import { api } from '../api/client'
import { ErrorBox } from '../components/ErrorBox'
import { useNotice } from '../components/Notice'

/** Each Service, and on request the URLs that reach it from this machine: open or copy in one click. */
export function ServicesPanel({
  cluster,
  onStarted,
}: {
  cluster: ClusterInfo
  onStarted: (job: JobInfo) => void
}) {
  const which = { provider: cluster.provider, name: cluster.name }
  const services = useQuery<ServiceSummary[], ApiError>({
    queryKey: ['services.list', which],
    queryFn: () => api.call('services.list', which),
  })
  const [open, setOpen] = useState<string | undefined>()
  if (services.isError) return <ErrorBox error={services.error} title="Could not list the Services" />
  if (!services.data) return <p className="muted">Listing Services…</p>
  const own = services.data.filter((s) => s.namespace !== 'kube-system')
  if (own.length === 0)
    return (
      <p className="muted">No Services yet. Expose a Deployment (kubectl expose) and it shows up here.</p>
    )
  return (
    <table className="dev-loop-table" aria-label="Services">
      <thead>
        <tr>
          <th>Service</th>
          <th>Type</th>
          <th>Ports</th>
          <th>
            <span className="visually-hidden">URLs</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {own.map((s) => {
          const id = `${s.namespace}/${s.name}`
          return (
            <tr key={id}>
              <td className="mono">{id}</td>
              <td>{s.type}</td>
              <td className="mono small">{s.ports}</td>
              <td className="actions">
                {open === id ? (
                  <Urls cluster={cluster} service={s} onStarted={onStarted} />
                ) : (
                  <button type="button" className="secondary" onClick={() => setOpen(id)}>
                    Find URL
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

interface ServiceUrlRow {
  url: string
  label: string
  note?: string
}

function Urls(props: { cluster: ClusterInfo; service: ServiceSummary; onStarted: (job: JobInfo) => void }) {
  const { cluster, service } = props
  const notice = useNotice()
  const input = {
    provider: cluster.provider,
    name: cluster.name,
    namespace: service.namespace,
    service: service.name,
  }
  const urls = useQuery<ServiceUrls, ApiError>({
    queryKey: ['services.urls', input],
    queryFn: () => api.call('services.urls', input),
  })
  const [fromMinikube, setFromMinikube] = useState<string[] | undefined>()
  const [jobId, setJobId] = useState<string | undefined>()
  const ask = useMutation<JobInfo, ApiError>({
    mutationFn: () =>
      api.call('services.minikubeUrl', {
        name: cluster.name,
        namespace: service.namespace,
        service: service.name,
      }),
    onSuccess: (job) => {
      props.onStarted(job)
      setJobId(job.id)
    },
    onError: (err) => notice('error', err.message),
  })
  // The job's done event carries the URLs minikube printed.
  useEffect(() => {
    if (!jobId) return
    return api.subscribe('jobs.watch', { id: jobId }, (e) => {
      if (e.type === 'done') setFromMinikube(e.output ?? [])
    })
  }, [jobId])
  const copy = (url: string): void => {
    const write = navigator.clipboard
      ? navigator.clipboard.writeText(url)
      : Promise.reject(new Error('no clipboard'))
    write.then(
      () => notice('ok', `Copied ${url}`),
      () => notice('error', 'The clipboard is not available here; select the URL instead.'),
    )
  }
  const list: ServiceUrlRow[] = [
    ...(urls.data?.urls ?? []),
    ...(fromMinikube ?? []).map((url) => ({ url, via: 'minikube', label: 'minikube service --url' })),
  ]
  return (
    <div className="stack small" style={{ textAlign: 'left' }}>
      {urls.isError && <ErrorBox error={urls.error} title="Could not work out the URLs" />}
      {urls.isPending && <span className="muted">Working out URLs…</span>}
      {list.map((u) => (
        <div key={u.url}>
          <a href={u.url} target="_blank" rel="noreferrer" className="mono">
            {u.url}
          </a>{' '}
          <span className="muted">({u.label})</span>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => copy(u.url)}
            aria-label={`Copy ${u.url}`}
          >
            Copy
          </button>
          {u.note && <div className="muted">{u.note}</div>}
        </div>
      ))}
      {urls.data?.notes.map((n) => (
        <span key={n} className="muted">
          {n}
        </span>
      ))}
      {fromMinikube && fromMinikube.length === 0 && <span className="muted">minikube printed no URL.</span>}
      {cluster.provider === 'minikube' && (
        <button type="button" className="secondary" onClick={() => ask.mutate()} disabled={ask.isPending}>
          Ask minikube
        </button>
      )}
    </div>
  )
}
