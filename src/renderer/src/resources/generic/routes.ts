import type { ApiKindRef, ApiObjectRef } from '@shared/contract'
import type { ResourceKind } from '@shared/rows'
import { openObject } from '../../palette/providers/objects'

/** A kind's list (and maybe one object in it) as a place in the app: `#kind/<id>[/<namespace or ->/<name>]`. */
export interface KindRoute {
  id: string
  object?: { namespace?: string; name: string }
}

const PREFIX = '#kind/'

export function parseKindHash(hash: string): KindRoute | undefined {
  if (!hash.startsWith(PREFIX)) return undefined
  const [id, ns, name] = hash.slice(PREFIX.length).split('/').map(decodeURIComponent)
  if (!id) return undefined
  if (name === undefined || ns === undefined) return { id }
  return { id, object: ns === '-' ? { name } : { namespace: ns, name } }
}

export function kindHash(id: string, object?: { namespace?: string; name: string }): string {
  const tail = object
    ? `/${object.namespace ? encodeURIComponent(object.namespace) : '-'}/${encodeURIComponent(object.name)}`
    : ''
  return `${PREFIX}${encodeURIComponent(id)}${tail}`
}

export const kindId = (k: Pick<ApiKindRef, 'group' | 'resource'>): string =>
  k.group ? `${k.resource}.${k.group}` : k.resource

/** The seed's kinds keep their dedicated views; discovery ids that lead there. */
export const seedKinds: Readonly<Record<string, ResourceKind>> = {
  pods: 'pods',
  'deployments.apps': 'deployments',
  'replicasets.apps': 'replicasets',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  events: 'events',
  namespaces: 'namespaces',
  nodes: 'nodes',
}

/** Opens an object of any kind: in its dedicated view when it has one, else in the generic one. */
export function openApiObject(context: string | undefined, ref: ApiObjectRef): void {
  const seed = seedKinds[kindId(ref)]
  if (seed)
    openObject(context, {
      kind: seed,
      name: ref.name,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
    })
  else window.location.hash = kindHash(kindId(ref), ref)
}
