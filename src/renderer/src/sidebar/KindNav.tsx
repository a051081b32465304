import type { ReactNode } from 'react'
import type { ApiKind } from '@shared/contract'
import { kindGroups, type KindGroup } from '@shared/contract/kind-groups'
import { requestIntent } from '../palette/intents'
import { kindPlaces } from '../palette/places'
import { useCatalog } from '../resources/generic/catalog-store'
import { kindHash, seedKinds } from '../resources/generic/routes'
import { useStoredFlag } from './stored-flag'
import './kind-nav.css'

export const groupLabels: Record<KindGroup, string> = {
  workloads: 'Workloads',
  network: 'Network',
  config: 'Config',
  storage: 'Storage',
  access: 'Access control',
  cluster: 'Cluster',
  custom: 'Custom resources',
}

/**
 * A kind's plural as a sidebar label: the resource's own plural in the Kind's capitals (`endpointslices` +
 * `EndpointSlice` → `EndpointSlices`, `networkpolicies` → `NetworkPolicies`, `endpoints` stays `Endpoints`).
 */
export function kindLabel(k: Pick<ApiKind, 'kind' | 'resource'>): string {
  const lower = k.kind.toLowerCase()
  let common = 0
  while (common < lower.length && lower[common] === k.resource[common]) common++
  return common === 0 ? k.kind : k.kind.slice(0, common) + k.resource.slice(common)
}

function KindLink({ k, active }: { k: ApiKind; active: string | undefined }): ReactNode {
  const seed = seedKinds[k.id]
  const place = seed ? kindPlaces[seed] : undefined
  const href = place ? `#${place.section}` : kindHash(k.id)
  return (
    <li>
      <a
        href={href}
        aria-current={active === k.id ? 'page' : undefined}
        title={`${k.id}${k.forbidden ? ` — forbidden: ${k.forbidden}` : ''}`}
        className={k.forbidden ? 'kind-forbidden' : undefined}
        onClick={() => {
          if (place?.tab) requestIntent({ type: 'show-tab', tab: place.tab })
        }}
      >
        {kindLabel(k)}
        {k.forbidden && (
          <span className="kind-lock" aria-label="forbidden">
            {' '}
            ⛔
          </span>
        )}
      </a>
    </li>
  )
}

function Group({
  id,
  label,
  kinds,
  active,
}: {
  id: string
  label: string
  kinds: ApiKind[]
  active: string | undefined
}) {
  const [open, setOpen] = useStoredFlag(
    `skiff.nav.${id}`,
    kinds.some((k) => k.id === active),
  )
  return (
    <li className="kind-group">
      <details
        open={open || kinds.some((k) => k.id === active)}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary>
          {label} <span className="kind-count">{kinds.length}</span>
        </summary>
        <ul>
          {kinds.map((k) => (
            <KindLink key={k.id} k={k} active={active} />
          ))}
        </ul>
      </details>
    </li>
  )
}

/** Every kind the cluster serves, grouped; the seed's kinds lead to their dedicated views, the rest to the generic one. */
export function KindNav({
  context,
  active,
}: {
  context: string | undefined
  active: string | undefined
}): ReactNode {
  const { catalog, error } = useCatalog(context)
  if (!context) return null
  if (!catalog)
    return (
      <p className="kind-nav-note">
        {error ? 'Could not read what this cluster serves.' : 'Reading the cluster’s kinds…'}
      </p>
    )
  const byGroup = new Map<string, ApiKind[]>()
  for (const k of catalog.kinds) {
    const key = k.category === 'custom' ? `custom:${k.group}` : k.category
    byGroup.set(key, [...(byGroup.get(key) ?? []), k])
  }
  const builtIn = kindGroups.filter((g) => g !== 'custom' && byGroup.has(g))
  const custom = [...byGroup.keys()].filter((g) => g.startsWith('custom:')).sort()
  return (
    <nav aria-label="Resources by kind" className="kind-nav">
      <h2 className="kind-nav-title">Resources</h2>
      <ul>
        {builtIn.map((g) => (
          <Group key={g} id={g} label={groupLabels[g]} kinds={byGroup.get(g) ?? []} active={active} />
        ))}
      </ul>
      {custom.length > 0 && (
        <>
          <h2 className="kind-nav-title">{groupLabels.custom}</h2>
          <ul>
            {custom.map((g) => (
              <Group
                key={g}
                id={g}
                label={g.slice('custom:'.length)}
                kinds={byGroup.get(g) ?? []}
                active={active}
              />
            ))}
          </ul>
        </>
      )}
      {catalog.failedGroups.length > 0 && (
        <p className="kind-nav-note">Not answering: {catalog.failedGroups.join(', ')}</p>
      )}
    </nav>
  )
}
