import type { ReactNode } from 'react'
import { ErrorBox } from '../../components/ErrorBox'
import { useCatalog } from './catalog-store'
import { GenericKindView } from './GenericKindView'
import type { KindRoute } from './routes'
import { kindLabel } from '../../sidebar/KindNav'

/** The page for a kind chosen in the sidebar or the palette: its heading, then its generic list. */
export function KindSection({ context, route }: { context?: string; route: KindRoute }): ReactNode {
  const { catalog, error } = useCatalog(context)
  const kind = catalog?.kinds.find((k) => k.id === route.id)
  const title = kind ? kindLabel(kind) : route.id
  let body: ReactNode
  if (kind)
    body = (
      <GenericKindView
        key={`${context ?? ''}/${kind.id}`}
        kind={kind}
        {...(context ? { context } : {})}
        {...(route.object ? { object: route.object } : {})}
      />
    )
  else if (error)
    body = <ErrorBox error={new Error(error.message)} title="Could not read what the cluster serves" />
  else if (!catalog)
    body = (
      <p className="muted" role="status">
        Reading what the cluster serves…
      </p>
    )
  else
    body = (
      <div className="empty-state">
        <p className="empty-title">This cluster does not serve “{route.id}”</p>
        <p>Its CustomResourceDefinition may have been deleted, or this context points at another cluster.</p>
      </div>
    )
  return (
    <>
      <h1 id="section-title">{title}</h1>
      <p className="section-summary">
        {kind
          ? `${kind.group ? `${kind.group}/${kind.version}` : kind.version} · ${kind.resource}${kind.shortNames.length ? ` (${kind.shortNames.join(', ')})` : ''}${kind.namespaced ? '' : ' · cluster-scoped'}`
          : ' '}
      </p>
      {body}
    </>
  )
}
