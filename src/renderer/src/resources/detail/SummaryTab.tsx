import type { ReactNode } from 'react'
import type { ObjectRef, ResourceDetail } from '@shared/contract'
import { useCall } from '../../api/hooks'
import { ErrorBox } from '../../components/ErrorBox'
import { Age } from '../columns/base'
import { kindOfResource } from '../kind-names'
import { SecretData, secretKeys } from './SecretData'
import { TimeText } from './TimeText'
import { openApiObject } from '../generic/routes'
import type { Target } from './target'

function RefLink({
  to,
  onFollow,
  children,
}: {
  to: ObjectRef
  onFollow: (r: ObjectRef) => void
  children: ReactNode
}) {
  return (
    <button type="button" className="link-button" onClick={() => onFollow(to)}>
      {children}
    </button>
  )
}

/** Facts whose value is a name, kept on one line. */
const nameLabels = new Set(['Name', 'Namespace', 'Node', 'Nominated node'])

/** Keys like `deployment.kubernetes.io/revision` wrap after a dot or slash, not in the middle of a word. */
function breakAfterDots(label: string): ReactNode {
  const parts = label.split(/(?<=[./])/)
  if (parts.length === 1) return label
  return parts.map((p, i) => (
    <span key={i}>
      {p}
      {i < parts.length - 1 && <wbr />}
    </span>
  ))
}

/** The readable summary of one object: sections, conditions, and links to follow to related objects. */
export function SummaryTab({
  target,
  onFollow,
}: {
  target: Target
  onFollow: (ref: ObjectRef) => void
}): ReactNode {
  const detail = useCall('resources.detail', target)
  if (detail.isPending) return <p className="muted">Loading…</p>
  if (detail.isError) return <ErrorBox error={detail.error} title="Could not read this object" />
  const d: ResourceDetail = detail.data
  const keys = target.kind === 'secrets' ? secretKeys(d) : undefined
  const sections = keys ? d.sections.filter((s) => s.title.toLowerCase() !== 'data') : d.sections

  return (
    <>
      {(d.links.length > 0 || (d.apiLinks?.length ?? 0) > 0) && (
        <section className="detail-section">
          <h3>Related</h3>
          <dl className="facts">
            {d.links.map((l) => (
              <div
                key={`${l.relation}/${l.ref.kind}/${l.ref.namespace ?? ''}/${l.ref.name}`}
                style={{ display: 'contents' }}
              >
                <dt>{l.relation}</dt>
                <dd>
                  <RefLink to={l.ref} onFollow={onFollow}>
                    {kindOfResource[l.ref.kind]}{' '}
                    <span className="name-text" title={l.ref.name}>
                      {l.ref.name}
                    </span>
                  </RefLink>
                </dd>
              </div>
            ))}
            {d.apiLinks?.map((l) => (
              <div key={`${l.relation}/${l.kind}/${l.ref.name}`} style={{ display: 'contents' }}>
                <dt>{l.relation}</dt>
                <dd>
                  {/* Kinds without a dedicated view open in the generic one. */}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => openApiObject(target.context, l.ref)}
                  >
                    {l.kind}{' '}
                    <span className="name-text" title={l.ref.name}>
                      {l.ref.name}
                    </span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {sections.map((s) => (
        <section className="detail-section" key={s.title}>
          <h3>{s.title}</h3>
          {s.items.length === 0 ? (
            <p className="muted small">None</p>
          ) : (
            <dl className="facts">
              {s.items.map((item, i) => (
                <div key={`${item.label}-${i}`} style={{ display: 'contents' }}>
                  <dt>{breakAfterDots(item.label)}</dt>
                  <dd className="mono small">
                    {item.link ? (
                      <RefLink to={item.link} onFollow={onFollow}>
                        <span className="name-text" title={item.value}>
                          {item.value}
                        </span>
                      </RefLink>
                    ) : nameLabels.has(item.label) ? (
                      <span className="name-text" title={item.value}>
                        {item.value}
                      </span>
                    ) : (
                      <TimeText text={item.value} />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
      {keys && target.namespace && (
        <SecretData
          keys={keys}
          secret={{
            namespace: target.namespace,
            name: target.name,
            ...(target.context ? { context: target.context } : {}),
          }}
        />
      )}
      {d.conditions.length > 0 && (
        <section className="detail-section">
          <h3>Conditions</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {d.conditions.map((c) => (
                <tr key={c.type} title={c.message}>
                  <td>{c.type}</td>
                  <td>
                    <span
                      className={`pill ${c.status === 'True' ? 'ok' : c.status === 'False' ? 'warn' : 'off'}`}
                    >
                      {c.status}
                    </span>
                  </td>
                  <td>
                    {c.reason ?? '—'}
                    {c.message && <div className="muted small">{c.message}</div>}
                  </td>
                  <td>{c.lastTransition ? <Age iso={c.lastTransition} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  )
}
