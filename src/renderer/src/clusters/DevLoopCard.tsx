import { useState } from 'react'
import type { ClusterInfo, JobInfo } from '@shared/contract'
import { AddonsPanel } from './AddonsPanel'
import { ImagesPanel } from './ImagesPanel'
import { ServicesPanel } from './ServicesPanel'
import './dev-loop.css'

type Tab = 'images' | 'services' | 'addons'

/** After "create cluster": your image into it, your service on localhost, minikube's addons. */
export function DevLoopCard({
  clusters,
  onStarted,
}: {
  clusters: ClusterInfo[]
  onStarted: (job: JobInfo) => void
}) {
  const running = clusters.filter((c) => c.state === 'running')
  const [key, setKey] = useState<string>('')
  const [tab, setTab] = useState<Tab>('images')
  const cluster = running.find((c) => `${c.provider}/${c.name}` === key) ?? running[0]
  const tabs: Tab[] =
    cluster?.provider === 'minikube' ? ['images', 'services', 'addons'] : ['images', 'services']
  const shown = tabs.includes(tab) ? tab : 'images'

  return (
    <section className="card" aria-labelledby="devloop-title">
      <div className="card-header">
        <h2 id="devloop-title">Your code in the cluster</h2>
        {running.length > 0 && (
          <label className="small">
            Cluster{' '}
            <select
              aria-label="Cluster"
              value={cluster ? `${cluster.provider}/${cluster.name}` : ''}
              onChange={(e) => setKey(e.target.value)}
            >
              {running.map((c) => (
                <option key={`${c.provider}/${c.name}`} value={`${c.provider}/${c.name}`}>
                  {c.name} ({c.simulated ? 'sandbox, simulated' : c.provider})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!cluster ? (
        <div className="empty-state">
          <p className="empty-title">No running cluster</p>
          <p>Start or create one to load your images into it and reach its services from this machine.</p>
        </div>
      ) : (
        <>
          <div className="dev-loop-tabs" role="tablist" aria-label="Dev loop">
            {tabs.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={shown === t}
                aria-controls={`devloop-${t}`}
                onClick={() => setTab(t)}
              >
                {t === 'images' ? 'Images' : t === 'services' ? 'Service URLs' : 'Addons'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`devloop-${shown}`}>
            {shown === 'images' && <ImagesPanel cluster={cluster} onStarted={onStarted} />}
            {shown === 'services' && <ServicesPanel cluster={cluster} onStarted={onStarted} />}
            {shown === 'addons' && <AddonsPanel cluster={cluster} onStarted={onStarted} />}
          </div>
        </>
      )}
    </section>
  )
}
