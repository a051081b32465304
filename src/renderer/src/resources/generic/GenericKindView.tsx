import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import type { ApiKind, TableRow } from '@shared/contract'
import { parseLabelSelector, type Requirement } from '@shared/label-selector'
import { ErrorBox } from '../../components/ErrorBox'
import { FilterBar } from '../FilterBar'
import { NamespacePicker } from '../NamespacePicker'
import { useNamespaceSelection } from '../namespace-selection'
import { ResourceTable } from '../ResourceTable'
import { filterRows } from '../rows-view'
import { WatchStatus } from '../WatchStatus'
import { ApiDetailPanel } from './ApiDetailPanel'
import { kindHash, type KindRoute } from './routes'
import { tableColumns } from './table-columns'
import { useTableWatch } from './useTableWatch'
import '../resources.css'
import './generic.css'
import { thousands } from '../../components/plural'

const none: readonly Requirement[] = []

/** What to say when a kind may not be listed: the server's own sentence, and what would change it. */
export function ForbiddenNote({ kind, reason }: { kind: ApiKind; reason: string }): ReactNode {
  return (
    <div className="empty-state forbidden-note" role="alert">
      <p className="empty-title">You may not list {kind.kind} objects</p>
      <p className="mono small">{reason}</p>
      <p>
        The cluster’s RBAC refuses it to your user. Ask an administrator for a Role that allows “list” and
        “watch”.
      </p>
    </div>
  )
}

/** Any kind's live list from the server's Table (the columns `kubectl get` prints), filters and detail. */
export function GenericKindView({
  kind,
  context,
  object,
}: {
  kind: ApiKind
  context?: string
  object?: KindRoute['object']
}): ReactNode {
  const [namespaces] = useNamespaceSelection(context)
  const scope = kind.namespaced ? namespaces : []
  const watch = useTableWatch(context, kind, scope)
  const [text, setText] = useState('')
  const [selectorText, setSelectorText] = useState('')
  const parsed = useMemo(() => parseLabelSelector(selectorText), [selectorText])
  const requirements = parsed.ok ? parsed.requirements : none
  const deferredText = useDeferredValue(text)
  const columns = useMemo(
    () => tableColumns(watch.columns, kind.namespaced && scope.length !== 1),
    [watch.columns, kind.namespaced, scope.length],
  )
  const rows = watch.set.rows
  const filtered = useMemo(
    () => filterRows(rows, columns, deferredText, requirements),
    [rows, columns, deferredText, requirements],
  )
  const [selectedKey, setSelectedKey] = useState<string>()
  const open = useCallback(
    (row: TableRow) =>
      (window.location.hash = kindHash(kind.id, {
        name: row.name,
        ...(row.namespace ? { namespace: row.namespace } : {}),
      })),
    [kind.id],
  )
  const close = useCallback(() => (window.location.hash = kindHash(kind.id)), [kind.id])
  const plural = kind.resource
  const scopeText = !kind.namespaced
    ? ''
    : scope.length === 0
      ? ' in all namespaces'
      : ` in ${scope.join(', ')}`
  const status = watch.set.status

  let body: ReactNode
  if (watch.ended?.code === 'Forbidden') body = <ForbiddenNote kind={kind} reason={watch.ended.message} />
  else if (!watch.set.loaded && watch.ended)
    body = <ErrorBox error={new Error(watch.ended.message)} title={`Could not list ${plural}`} />
  else if (!watch.set.loaded && rows.length === 0)
    body = (
      <p className="rv-loading muted" role="status">
        Loading {plural}
        {scopeText}…
      </p>
    )
  else if (rows.length === 0)
    body = (
      <div className="empty-state">
        <p className="empty-title">
          No {plural}
          {scopeText}
        </p>
        <p className="muted">
          List them in a terminal with{' '}
          <code>
            kubectl get {kind.id}
            {kind.namespaced && scope.length === 0 ? ' -A' : ''}
          </code>
          .
        </p>
      </div>
    )
  else if (filtered.length === 0)
    body = (
      <div className="empty-state">
        <p className="empty-title">No {plural} match these filters</p>
        <button type="button" className="secondary" onClick={() => (setText(''), setSelectorText(''))}>
          Clear filters
        </button>
      </div>
    )
  else
    body = (
      <ResourceTable<TableRow>
        label={`${kind.kind} objects${scopeText}`}
        rows={filtered}
        columns={columns}
        changed={watch.set.changed}
        {...(selectedKey ? { selectedKey } : {})}
        onSelect={setSelectedKey}
        onOpen={open}
      />
    )

  return (
    <div className="rv">
      <div className="rv-toolbar">
        {kind.namespaced && <NamespacePicker {...(context ? { context } : {})} />}
        <FilterBar
          noun={plural}
          text={text}
          onText={setText}
          selector={selectorText}
          onSelector={setSelectorText}
          {...(parsed.ok ? {} : { selectorError: parsed.message })}
        />
        <span className="rv-count" aria-live="polite">
          {watch.set.loaded &&
            (filtered.length === rows.length
              ? `${thousands(rows.length)} ${rows.length === 1 ? kind.singular : plural}`
              : `${thousands(filtered.length)} of ${thousands(rows.length)}`)}
        </span>
        <span className="grow" />
        <WatchStatus state={status.state} {...(status.message ? { message: status.message } : {})} />
        {watch.ended && (
          <button type="button" className="secondary compact" onClick={watch.retry}>
            Retry
          </button>
        )}
      </div>
      <div className="rv-body">
        <div className="rv-main">{body}</div>
        {object && (
          <ApiDetailPanel kind={kind} object={object} {...(context ? { context } : {})} onClose={close} />
        )}
      </div>
    </div>
  )
}
