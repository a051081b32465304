import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiDetail, ApiError, ApiKind, ApiObjectRef } from '@shared/contract'
import type { EventRow } from '@shared/rows'
import { api } from '../../api/client'
import { useCall } from '../../api/hooks'
import { Dialog } from '../../components/Dialog'
import { ErrorBox } from '../../components/ErrorBox'
import { useNotice } from '../../components/Notice'
import { bodyTab, DetailShell } from '../detail/DetailShell'
import { EventsTable } from '../detail/EventsTab'
import { TimeText } from '../detail/TimeText'
import { warningsFirst } from '../views/event-order'
import { dedicatedTabs } from './dedicated'
import { openApiObject } from './routes'

type Target = ApiObjectRef & { context?: string }

/** Keys like `deprecated.daemonset.template.generation` wrap after a dot or slash, not inside a word. */
function breakAfterDots(label: string): ReactNode {
  const parts = label.split(/(?<=[./])/)
  return parts.length === 1
    ? label
    : parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))
}

function Facts({ items }: { items: { label: string; value: string }[] }): ReactNode {
  if (items.length === 0) return <p className="muted small">None</p>
  return (
    <dl className="facts">
      {items.map((i) => (
        <div key={i.label} style={{ display: 'contents' }}>
          <dt>{breakAfterDots(i.label)}</dt>
          <dd className="mono small">
            <TimeText text={i.value} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

const pairs = (record: Record<string, string>): { label: string; value: string }[] =>
  Object.entries(record).map(([label, value]) => ({ label, value: value || '(empty)' }))

function Summary({ target, context }: { target: Target; context?: string }): ReactNode {
  const detail = useCall('apiResources.detail', target)
  if (detail.isPending) return <p className="muted">Loading…</p>
  if (detail.isError) return <ErrorBox error={detail.error} title="Could not read this object" />
  const d: ApiDetail = detail.data
  return (
    <>
      {d.links.length > 0 && (
        <section className="detail-section">
          <h3>Related</h3>
          <dl className="facts">
            {d.links.map((l) => (
              <div key={`${l.relation}/${l.kind}/${l.ref.name}`} style={{ display: 'contents' }}>
                <dt>{l.relation}</dt>
                <dd>
                  <button type="button" className="link-button" onClick={() => openApiObject(context, l.ref)}>
                    {l.kind} <span className="name-text">{l.ref.name}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="detail-section">
        <h3>Metadata</h3>
        <Facts items={d.metadata} />
      </section>
      {d.conditions.length > 0 && (
        <section className="detail-section">
          <h3>Conditions</h3>
          <Facts
            items={d.conditions.map((c) => ({
              label: c.type,
              value: [c.status, c.reason, c.message].filter(Boolean).join(' · '),
            }))}
          />
        </section>
      )}
      <section className="detail-section">
        <h3>Labels</h3>
        <Facts items={pairs(d.labels)} />
      </section>
      <section className="detail-section">
        <h3>Annotations</h3>
        <Facts items={pairs(d.annotations)} />
      </section>
    </>
  )
}

function Events({ target }: { target: Target }): ReactNode {
  const events = useQuery<EventRow[], ApiError>({
    queryKey: ['apiResources.events', target],
    queryFn: () => api.call('apiResources.events', target),
    refetchInterval: 5000,
  })
  if (events.isPending) return <p className="muted">Loading events…</p>
  if (events.isError) return <ErrorBox error={events.error} title="Could not read events" />
  return <EventsTable rows={[...events.data].sort(warningsFirst)} />
}

function Yaml({ target }: { target: Target }): ReactNode {
  const yaml = useCall('apiResources.yaml', target)
  if (yaml.isPending) return <p className="muted">Loading YAML…</p>
  if (yaml.isError) return <ErrorBox error={yaml.error} title="Could not read the YAML" />
  return (
    <pre className="yaml mono" aria-label="YAML">
      {yaml.data.yaml}
    </pre>
  )
}

function DeleteApiObject({
  target,
  kind,
  onDeleted,
}: {
  target: Target
  kind: ApiKind
  onDeleted: () => void
}) {
  const notice = useNotice()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await api.call('apiResources.delete', target)
      notice('ok', `Deleted ${kind.kind} ${target.name}.`)
      setOpen(false)
      onDeleted()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  if (!kind.verbs.includes('delete')) return null
  return (
    <>
      <button type="button" className="danger compact" onClick={() => setOpen(true)}>
        Delete
      </button>
      <Dialog title={`Delete ${kind.kind} ${target.name}?`} open={open} onClose={() => setOpen(false)}>
        <p>
          Objects it owns are deleted too, by the garbage collector. If a controller owns this {kind.kind}, it
          may create it again. This cannot be undone.
        </p>
        {error && (
          <p className="delete-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Deleting…' : `Delete ${kind.kind}`}
          </button>
        </div>
      </Dialog>
    </>
  )
}

/** The side panel for one object of any kind: summary (owners linked), events, YAML, delete. */
export function ApiDetailPanel(props: {
  kind: ApiKind
  object: { namespace?: string; name: string }
  context?: string
  onClose: () => void
}): ReactNode {
  const { kind, object, context, onClose } = props
  const target: Target = {
    group: kind.group,
    version: kind.version,
    resource: kind.resource,
    name: object.name,
    ...(object.namespace ? { namespace: object.namespace } : {}),
    ...(context ? { context } : {}),
  }
  return (
    <DetailShell
      kindLabel={kind.kind}
      {...(object.namespace ? { namespace: object.namespace } : {})}
      name={object.name}
      refKey={`${kind.id}/${object.namespace ?? ''}/${object.name}`}
      onClose={onClose}
      actions={<DeleteApiObject target={target} kind={kind} onDeleted={onClose} />}
      tabs={[
        bodyTab('summary', 'Summary', () => <Summary target={target} {...(context ? { context } : {})} />),
        ...(dedicatedTabs[kind.id]?.(
          {
            name: object.name,
            ...(object.namespace ? { namespace: object.namespace } : {}),
            ...(context ? { context } : {}),
          },
          kind,
        ) ?? []),
        bodyTab('events', 'Events', () => <Events target={target} />),
        bodyTab('yaml', 'YAML', () => <Yaml target={target} />),
      ]}
    />
  )
}
