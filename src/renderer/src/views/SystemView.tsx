import { useQueryClient } from '@tanstack/react-query'
import type { ToolStatus } from '@shared/contract'
import { useCall } from '../api/hooks'
import { ErrorBox } from '../components/ErrorBox'

const toolPurpose: Record<ToolStatus['name'], string> = {
  kubectl: 'Kubernetes command line',
  kind: 'Kubernetes in Docker clusters',
  minikube: 'minikube clusters',
  docker: 'container engine for kind and minikube',
  podman: 'container engine (alternative to Docker)',
}

export function SystemView() {
  const info = useCall('system.info', {})
  const queryClient = useQueryClient()

  if (info.isPending) return <p className="muted">Asking the backend what it sees…</p>
  if (info.isError) return <ErrorBox error={info.error} title="Could not read system information" />
  const { runtime, tools, app, transport } = info.data

  return (
    <div className="stack">
      <section aria-labelledby="runtime-title" className="card">
        <h2 id="runtime-title">Runtime</h2>
        <dl className="facts">
          <dt>Skiff</dt>
          <dd>{app.version}</dd>
          <dt>Node.js</dt>
          <dd>{runtime.node}</dd>
          <dt>Electron</dt>
          <dd>{runtime.electron ?? 'not running in Electron'}</dd>
          <dt>Platform</dt>
          <dd>
            {runtime.platform} / {runtime.arch}
          </dd>
          <dt>Transport</dt>
          <dd>{transport === 'web' ? 'web mode (HTTP on 127.0.0.1)' : transport}</dd>
        </dl>
      </section>
      <section aria-labelledby="tools-title" className="card">
        <div className="card-header">
          <h2 id="tools-title">Tools on PATH</h2>
          <button
            type="button"
            onClick={() => void queryClient.invalidateQueries({ queryKey: ['system.info'] })}
            disabled={info.isFetching}
          >
            {info.isFetching ? 'Checking…' : 'Check again'}
          </button>
        </div>
        <table aria-labelledby="tools-title">
          <thead>
            <tr>
              <th scope="col">Tool</th>
              <th scope="col">Status</th>
              <th scope="col">Version</th>
              <th scope="col">Path</th>
            </tr>
          </thead>
          <tbody>
            {tools.map((t) => (
              <tr key={t.name} data-tool={t.name}>
                <th scope="row">
                  {t.name}
                  <div className="muted small">{toolPurpose[t.name]}</div>
                </th>
                <td>
                  <span className={`pill ${t.found ? (t.problem ? 'warn' : 'ok') : 'off'}`}>
                    {t.found ? (t.problem ? 'Found, not answering' : 'Found') : 'Not installed'}
                  </span>
                </td>
                <td className="mono">{t.version ?? (t.problem ? t.problem : '—')}</td>
                <td className="mono small">{t.path ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
