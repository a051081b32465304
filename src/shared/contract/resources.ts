import { z } from 'zod'
import { method, stream } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'
import { resourceKinds, type ResourceKind, type Row } from '../rows'
import type { ApiDetail } from './api-resources'

const kind = z.enum(resourceKinds)
/** Absent context = the kubeconfig's current context. */
const target = { context: contextName.optional() }

/**
 * Events of one resource watch, in order: a snapshot, then deltas; status whenever the watch's health changes.
 * A big first list arrives as a snapshot in parts, sent as the backend pages through it, so rows show at once:
 * every part but the last says `more`. The first part replaces what the subscriber held; later parts, and any
 * deltas between them, add to it.
 */
export type RowEvent<R> =
  | { type: 'snapshot'; rows: R[]; more?: true }
  | { type: 'delta'; upserts: R[]; deletes: string[] }
  | { type: 'status'; state: 'live' | 'reconnecting' | 'error'; message?: string }
export type ResourceEvent = RowEvent<Row>

export interface ObjectRef {
  kind: ResourceKind
  namespace?: string
  name: string
}

/** A readable summary of one object for the detail panel; fields depend on the kind. */
export interface ResourceDetail {
  ref: ObjectRef
  /** Sections of label/value pairs, e.g. "Containers" → image, ports, state. */
  sections: { title: string; items: { label: string; value: string; link?: ObjectRef }[] }[]
  /** Conditions as kubectl describe lists them. */
  conditions: { type: string; status: string; reason?: string; message?: string; lastTransition?: string }[]
  /** Objects this one leads to: owners (pod → ReplicaSet → Deployment), a Service's endpoint pods. */
  links: { relation: string; ref: ObjectRef }[]
  /** Owners of kinds without a dedicated view (a pod's DaemonSet, Job, custom owner): opened in the generic one. */
  apiLinks?: ApiDetail['links']
}

const objectRef = z.strictObject({
  ...target,
  kind,
  namespace: dns1123Label.optional(),
  name: dns1123Subdomain,
})

export const resourceMethods = {
  'resources.detail': method<ResourceDetail>()(objectRef),
  'resources.yaml': method<{ yaml: string }>()(objectRef),
  'resources.events': method<Row[]>()(objectRef),
  'resources.delete': method<{ deleted: true }>()(
    objectRef.extend({ gracePeriodSeconds: z.number().int().min(0).max(3600).optional() }),
  ),
  'secrets.reveal': method<{ value: string; binary: boolean; size: number }>()(
    z.strictObject({
      ...target,
      namespace: dns1123Label,
      name: dns1123Subdomain,
      key: z.string().min(1).max(253),
    }),
  ),
  'namespaces.create': method<{ name: string }>()(z.strictObject({ ...target, name: dns1123Label })),
}

export const resourceStreams = {
  'resources.watch': stream<ResourceEvent>()(
    z.strictObject({
      ...target,
      kind,
      /** Absent or empty = all namespaces. */
      namespaces: z.array(dns1123Label).max(100).optional(),
    }),
  ),
}
