import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, IngressBackendState, IngressState, IngressUrl, LinkedPod } from '@shared/contract'
import { api } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { StatusText } from '../columns/base'
import { ObjectLink } from '../generic/ObjectLink'
import './network.css'

interface Ref {
  context?: string
  namespace: string
  name: string
}

export function PodList({ pods, target }: { pods: LinkedPod[]; target: Ref }): ReactNode {
  if (pods.length === 0) return <span className="muted small">no pods</span>
  return (
    <ul className="ns-pods" aria-label="Pods">
      {pods.map((p) => (
        <li key={p.name}>
          <ObjectLink context={target.context} kind="Pod" namespace={target.namespace} name={p.name} />
          <StatusText status={p.ready ? 'Ready' : (p.phase ?? 'Not ready')} />
          {p.node && <span className="muted small">on {p.node}</span>}
        </li>
      ))}
    </ul>
  )
}

function Backend({ backend, target }: { backend: IngressBackendState; target: Ref }): ReactNode {
  const s = backend.service
  const r = backend.resource
  return (
    <>
      {s &&
        (s.exists ? (
          <span>
            Service{' '}
            <ObjectLink context={target.context} kind="Service" namespace={target.namespace} name={s.name} />
            <span className="mono small">:{s.port}</span>
            {s.resolvedPort && <span className="muted small"> ({s.resolvedPort})</span>}
          </span>
        ) : (
          <span>
            Service <span className="mono small">{s.name}</span>
            <span className="mono small">:{s.port}</span> <StatusText status="Missing" />
          </span>
        ))}
      {r && (
        <span>
          {r.kind} <span className="mono small">{r.name}</span>
          {r.apiGroup && <span className="muted small"> ({r.apiGroup})</span>}
        </span>
      )}
      {backend.problem && <div className="ns-problem">{backend.problem}</div>}
    </>
  )
}

function Open({ url }: { url: IngressUrl | undefined }): ReactNode {
  if (!url) return null
  return (
    <div className="ns-url">
      <a href={url.url} target="_blank" rel="noreferrer" aria-label={`Open ${url.url}`} title={url.url}>
        Open ↗
      </a>
    </div>
  )
}

function Route(props: {
  request: ReactNode
  scope: string
  backend: IngressBackendState
  url: IngressUrl | undefined
  target: Ref
}): ReactNode {
  const { backend, target } = props
  const ready = backend.pods.filter((p) => p.ready).length
  return (
    <li className="ns-route">
      <div className="ns-route-head">
        <span className="grow">
          {props.request} <span className="muted small">{props.scope}</span>
        </span>
        <Open url={props.url} />
      </div>
      {props.url?.note && <div className="muted small ns-note">{props.url.note}</div>}
      <div className="ns-step">
        <span className="arrow" aria-hidden="true">
          →
        </span>
        <div>
          <Backend backend={backend} target={target} />
        </div>
      </div>
      {(backend.service?.exists ?? false) && backend.pods.length > 0 && (
        <div className="ns-step">
          <span className="arrow" aria-hidden="true">
            →
          </span>
          <div>
            <span className="small">
              {ready} of {backend.pods.length} pods ready
            </span>
            <PodList pods={backend.pods} target={target} />
          </div>
        </div>
      )}
    </li>
  )
}

function Routes({ s, target }: { s: IngressState; target: Ref }): ReactNode {
  if (s.paths.length === 0 && !s.defaultBackend) return null
  return (
    <ul className="ns-routes-list" aria-label="Routes">
      {s.paths.map((p, i) => (
        <Route
          key={`${p.host ?? ''}${p.path}#${i}`}
          request={
            <span className="mono small">
              {p.host ?? <span className="muted">any host</span>}
              {p.path}
            </span>
          }
          scope={p.pathType === 'Exact' ? 'exactly this path' : 'and below'}
          backend={p.backend}
          url={p.url}
          target={target}
        />
      ))}
      {s.defaultBackend && (
        <Route
          request={<span className="small">Anything no rule matches</span>}
          scope="default backend"
          backend={s.defaultBackend}
          url={s.defaultBackend.url}
          target={target}
        />
      )}
    </ul>
  )
}

function Tls({ s, target }: { s: IngressState; target: Ref }): ReactNode {
  if (s.tls.length === 0)
    return <p className="muted small">No TLS: the controller serves these hosts over plain HTTP.</p>
  return (
    <dl className="facts">
      {s.tls.map((t, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt className="mono small">{t.hosts.join(', ') || 'all hosts'}</dt>
          <dd className="small">
            {t.secret ? (
              <>
                certificate in Secret{' '}
                {t.secretState === 'missing' ? (
                  <>
                    <span className="mono">{t.secret}</span> <StatusText status="Missing" />{' '}
                    <span className="muted">(the controller serves its own default certificate)</span>
                  </>
                ) : (
                  <ObjectLink
                    context={target.context}
                    kind="Secret"
                    namespace={target.namespace}
                    name={t.secret}
                  />
                )}
                {t.secretState === 'unknown' && (
                  <span className="muted"> (Skiff may not read Secrets here)</span>
                )}
              </>
            ) : (
              <span className="muted">no Secret named: the controller’s default certificate</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** An Ingress followed through: each host/path → its Service:port → the pods that answer, with what is broken. */
export function IngressTab({ target }: { target: Ref }): ReactNode {
  const state = useQuery<IngressState, ApiError>({
    queryKey: ['ingresses.state', target],
    queryFn: () => api.call('ingresses.state', target),
    refetchInterval: 3000,
  })
  if (state.isPending) return <p className="muted">Following the routes…</p>
  if (state.isError) return <ErrorBox error={state.error} title="Could not read this ingress" />
  const s = state.data
  return (
    <div className="ns-view">
      <p className="ns-lead">
        An Ingress tells the cluster’s ingress controller (a web proxy) which Service should answer each host
        and path. Requests then go to a ready pod behind that Service.
      </p>
      {s.notes.length > 0 && (
        <ul className="ns-notes" role="note">
          {s.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <dt>Class</dt>
        <dd className="small">
          {s.className ? (
            <>
              {s.controller ? (
                <ObjectLink context={target.context} kind="IngressClass" name={s.className} />
              ) : (
                <span className="mono">{s.className}</span>
              )}
              {s.classFrom === 'default' && <span className="muted"> (the cluster’s default)</span>}
              {s.classFrom === 'annotation' && <span className="muted"> (legacy annotation)</span>}
            </>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Controller</dt>
        <dd className="mono small">{s.controller ?? <span className="muted">unknown</span>}</dd>
        <dt>Address</dt>
        <dd className="mono small">{s.addresses.join(', ') || <span className="muted">none yet</span>}</dd>
      </dl>
      <h3>Routes</h3>
      <Routes s={s} target={target} />
      <h3>TLS</h3>
      <Tls s={s} target={target} />
    </div>
  )
}
