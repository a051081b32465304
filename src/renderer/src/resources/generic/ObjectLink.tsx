import type { ReactNode } from 'react'
import type { ApiObjectRef } from '@shared/contract'
import { openApiObject } from './routes'

/** Built-in kinds the dedicated views link to, by their Kind. */
const refs = {
  Pod: { group: '', version: 'v1', resource: 'pods' },
  Service: { group: '', version: 'v1', resource: 'services' },
  Secret: { group: '', version: 'v1', resource: 'secrets' },
  Node: { group: '', version: 'v1', resource: 'nodes' },
  PersistentVolumeClaim: { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
  PersistentVolume: { group: '', version: 'v1', resource: 'persistentvolumes' },
  StorageClass: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  Job: { group: 'batch', version: 'v1', resource: 'jobs' },
  IngressClass: { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' },
} as const

export type LinkKind = keyof typeof refs

/** A button that opens one object in its view (dedicated or generic); its text is the object's name. */
export function ObjectLink(props: {
  context?: string | undefined
  kind: LinkKind
  namespace?: string | undefined
  name: string
  children?: ReactNode
}): ReactNode {
  const ref: ApiObjectRef = {
    ...refs[props.kind],
    name: props.name,
    ...(props.namespace ? { namespace: props.namespace } : {}),
  }
  return (
    <button
      type="button"
      className="link-button mono small"
      title={`Open ${props.kind} ${props.name}`}
      onClick={() => openApiObject(props.context, ref)}
    >
      {props.children ?? props.name}
    </button>
  )
}
