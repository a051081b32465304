import { ErrorBox } from '../components/ErrorBox'
import { ToolsTable } from './ToolsTable'
import { useSystemInfo } from './useSystemInfo'

export function SystemView() {
  const { info, checkAgain } = useSystemInfo()

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
          <button type="button" onClick={checkAgain} disabled={info.isFetching}>
            {info.isFetching ? 'Checking…' : 'Check again'}
          </button>
        </div>
        <ToolsTable tools={tools} />
      </section>
    </div>
  )
}
