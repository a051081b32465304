import {
  lazy,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import type { ObjectRef } from '@shared/contract'
import { parseLabelSelector, type Requirement } from '@shared/label-selector'
import { clusterScopedKinds, type ResourceKind, type Row } from '@shared/rows'
import { ErrorBox } from '../components/ErrorBox'
import { columnsFor } from './columns'
import { ContextName } from './context-name'
import { LazyView } from '../components/LazyView'
import { PanelResizer, useDetailWidth } from './detail/PanelResizer'
import { FilterBar } from './FilterBar'
import { kindNames } from './kind-names'
import { NamespacePicker } from './NamespacePicker'
import { useNamespaceSelection } from './namespace-selection'
import { ResourceTable } from './ResourceTable'
import { filterRows, type SortState } from './rows-view'
import { useResourceWatch, type WatchOptions } from './useResourceWatch'
import { WatchRetry, WatchStatus } from './WatchStatus'
import { useIntent } from '../palette/intents'
import { usePublishSelection } from '../palette/selection'
import './resources.css'
import { thousands } from '../components/plural'

// The detail panel (YAML, logs, rollout, reconcile, shell tabs) loads when a row is first opened.
const DetailPanel = lazy(() => import('./detail/DetailPanel').then((m) => ({ default: m.DetailPanel })))

export interface ResourceListProps {
  kind: ResourceKind
  context?: string
  /** What to say (and suggest) when the kind has no objects in the chosen namespaces. */
  empty: (namespaces: readonly string[]) => ReactNode
  /** Extra controls at the right of the toolbar (e.g. "Create namespace"). */
  toolbar?: ReactNode
  /** Extra actions in the detail panel's header for the open object. */
  detailActions?: (ref: ObjectRef, close: () => void) => ReactNode
  initialSort?: SortState
  /** The order before a header is clicked, and how to say it after the count ("warnings first"). */
  defaultOrder?: (a: Row, b: Row) => number
  orderNote?: string
  /**
   * A hook that adds to the watched rows what another watch knows (deployments: their pods' problems). Fixed
   * for the life of the list, so the hook order never changes.
   */
  useRows?: (rows: readonly Row[], scope: WatchOptions) => readonly Row[]
}

const sameRows = (rows: readonly Row[]): readonly Row[] => rows

const noRequirements: readonly Requirement[] = []

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
}

export function refOf(row: Row): ObjectRef {
  return row.namespace
    ? { kind: row.kind, namespace: row.namespace, name: row.name }
    : { kind: row.kind, name: row.name }
}

/** One kind's live list: namespace, text and label filters, the windowed table, and the detail panel. */
export function ResourceList(props: ResourceListProps): ReactNode {
  // Tabs reuse one element for another kind; a fresh list per kind keeps its hooks (useRows) and state apart.
  return <KindList key={props.kind} {...props} />
}

function KindList(props: ResourceListProps): ReactNode {
  const { kind, context, empty, toolbar, detailActions } = props
  const scoped = !clusterScopedKinds.has(kind)
  const [namespaces] = useNamespaceSelection(context)
  const scope = scoped ? namespaces : []
  const watchOptions = { ...(context ? { context } : {}), namespaces: scope }
  const watch = useResourceWatch(kind, watchOptions)
  const useRows = props.useRows ?? sameRows
  const rows = useRows(watch.rows, watchOptions)
  const [text, setText] = useState('')
  const [selectorText, setSelectorText] = useState('')
  const parsed = useMemo(() => parseLabelSelector(selectorText), [selectorText])
  const requirements = parsed.ok ? parsed.requirements : noRequirements
  // Typing stays responsive while 50,000 rows are filtered behind it.
  const deferredText = useDeferredValue(text)
  const columns = columnsFor(kind, scoped && scope.length !== 1)
  const filtered = useMemo(
    () => filterRows(rows, columns, deferredText, requirements),
    [rows, columns, deferredText, requirements],
  )
  const [selectedKey, setSelectedKey] = useState<string>()
  const [trail, setTrail] = useState<ObjectRef[]>([])
  const filterRef = useRef<HTMLInputElement>(null)
  const tableBox = useRef<HTMLDivElement>(null)
  const names = kindNames[kind]
  const [detailWidth, setDetailWidth] = useDetailWidth()
  // The command palette can open an object here, and acts on what is selected or open here.
  useIntent('open-object', (i) => i.ref.kind === kind && i.context === context && (setTrail([i.ref]), true))
  // Nothing selected: no pass over every row on each part of a big first list.
  const selectedRow = useMemo(
    () => (selectedKey === undefined ? undefined : filtered.find((r) => r.key === selectedKey)),
    [filtered, selectedKey],
  )
  usePublishSelection(context, trail[trail.length - 1] ?? (selectedRow && refOf(selectedRow)))

  const open = useCallback((row: Row) => setTrail([refOf(row)]), [])
  const close = useCallback(() => {
    setTrail([])
    tableBox.current?.querySelector<HTMLElement>('[role="grid"]')?.focus()
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault()
        filterRef.current?.focus()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const scopeText = !scoped ? '' : scope.length === 0 ? ' in all namespaces' : ` in ${scope.join(', ')}`
  const stale = watch.state === 'reconnecting' || watch.state === 'error'

  let body: ReactNode
  if (!watch.loaded && watch.state === 'error')
    body = (
      <ErrorBox
        error={new Error(watch.message ?? 'The watch failed.')}
        title={`Could not list ${names.plural}`}
      />
    )
  else if (!watch.loaded && watch.rows.length === 0)
    body = (
      <p className="rv-loading muted" role="status">
        Loading {names.plural}
        {scopeText}…
      </p>
    )
  else if (watch.rows.length === 0) body = <div className="empty-state">{empty(scope)}</div>
  else if (filtered.length === 0)
    body = (
      <div className="empty-state">
        <p className="empty-title">No {names.plural} match these filters</p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setText('')
            setSelectorText('')
          }}
        >
          Clear filters
        </button>
      </div>
    )
  else
    body = (
      <ResourceTable
        label={`${names.title}${scopeText}`}
        rows={filtered}
        columns={columns}
        changed={watch.changed}
        selectedKey={selectedKey}
        onSelect={setSelectedKey}
        onOpen={open}
        {...(props.initialSort ? { initialSort: props.initialSort } : {})}
        {...(props.defaultOrder ? { defaultOrder: props.defaultOrder } : {})}
      />
    )

  return (
    <ContextName.Provider value={context}>
      <div className="rv">
        <div className="rv-toolbar">
          {scoped && <NamespacePicker {...(context ? { context } : {})} />}
          <FilterBar
            noun={names.plural}
            text={text}
            onText={setText}
            selector={selectorText}
            onSelector={setSelectorText}
            {...(parsed.ok ? {} : { selectorError: parsed.message })}
            textRef={filterRef}
          />
          <span className="rv-count" aria-live="polite">
            {(watch.loaded || watch.loading) &&
              (filtered.length === watch.rows.length
                ? `${thousands(watch.rows.length)} ${watch.rows.length === 1 ? names.singular : names.plural}`
                : `${thousands(filtered.length)} of ${thousands(watch.rows.length)}`) +
                (watch.loading ? ' so far' : '') +
                (props.orderNote ? `, ${props.orderNote}` : '')}
          </span>
          <span className="grow" />
          <WatchStatus state={watch.state} {...(watch.message ? { message: watch.message } : {})} />
          <WatchRetry state={watch.state} retryAt={watch.retryAt} onRetry={watch.retry} />
          {toolbar}
        </div>
        {watch.loaded && watch.state === 'error' && (
          <ErrorBox
            error={new Error(`${watch.message ?? 'The watch stopped.'} The rows below may be out of date.`)}
            title={`${names.title} are not updating`}
          />
        )}
        <div className="rv-body">
          <div className={`rv-main${stale ? ' rv-stale' : ''}`} ref={tableBox}>
            {body}
          </div>
          {trail.length > 0 && (
            <PanelResizer
              panel={() => tableBox.current?.parentElement?.querySelector<HTMLElement>('.detail') ?? null}
              width={detailWidth}
              onWidth={setDetailWidth}
            />
          )}
          {trail.length > 0 && (
            <LazyView what="the details">
              <DetailPanel
                {...(detailWidth ? { width: detailWidth } : {})}
                trail={trail}
                {...(context ? { context } : {})}
                onFollow={(ref) => setTrail((t) => [...t, ref])}
                onBack={() => setTrail((t) => t.slice(0, -1))}
                onClose={close}
                {...(detailActions ? { actions: detailActions } : {})}
              />
            </LazyView>
          )}
        </div>
      </div>
    </ContextName.Provider>
  )
}
