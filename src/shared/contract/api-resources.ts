import { z } from 'zod'
import { method, stream } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'
import type { EventRow, RowBase } from '../rows'
import type { RowEvent } from './resources'

/**
 * Every kind the cluster serves, found through discovery (#16): the generic half. The seed's nine kinds keep their
 * dedicated projections (resources.ts); any kind, those included, can also be listed here through the server's
 * Table output, with the columns `kubectl get` prints.
 */

/** The sidebar's groups, in order. `custom` kinds are shown by API group. */
export const kindGroups = [
  'workloads',
  'network',
  'config',
  'storage',
  'access',
  'cluster',
  'custom',
] as const
export type KindGroup = (typeof kindGroups)[number]

export interface ApiKind {
  /** `resource.group` as kubectl names it (`statefulsets.apps`; `pods` for the core group): unique per cluster. */
  id: string
  group: string
  /** The group's preferred version. */
  version: string
  /** Plural resource name, as in the URL. */
  resource: string
  kind: string
  singular: string
  namespaced: boolean
  shortNames: string[]
  verbs: string[]
  category: KindGroup
  /** Set once listing it was refused (403): the server's own words. */
  forbidden?: string
}

export interface ApiCatalog {
  kinds: ApiKind[]
  /** How the server described itself: one aggregated document, or /api + /apis group by group. */
  source: 'aggregated' | 'legacy'
  /** Groups whose discovery failed (an aggregated API that is down): named so the sidebar can say so. */
  failedGroups: string[]
}

/** A column of the server's Table (meta.k8s.io/v1 TableColumnDefinition). */
export interface TableColumn {
  name: string
  type: string
  format: string
  description: string
  /** 0 = `kubectl get`; higher = only with `-o wide`. */
  priority: number
}

export type TableCell = string | number | boolean | null

/** One object as the server's Table prints it, plus the metadata every row needs. */
export interface TableRow extends RowBase {
  cells: TableCell[]
  /** The controlling owner, for an "owned by" column and links. */
  owner?: { apiVersion: string; kind: string; name: string }
}

export type TableEvent = RowEvent<TableRow> | { type: 'columns'; columns: TableColumn[] }

/** Which kind: group ('' = core), version and plural resource name. */
export interface ApiKindRef {
  group: string
  version: string
  resource: string
}

export interface ApiObjectRef extends ApiKindRef {
  namespace?: string
  name: string
}

export interface ApiDetail {
  ref: ApiObjectRef
  kind: string
  apiVersion: string
  metadata: { label: string; value: string }[]
  labels: Record<string, string>
  annotations: Record<string, string>
  conditions: { type: string; status: string; reason?: string; message?: string; lastTransition?: string }[]
  /** Owners of any kind (a pod → its DaemonSet), and what this object controls when Skiff can tell. */
  links: { relation: string; ref: ApiObjectRef; kind: string }[]
}

export interface FoundObject {
  ref: ApiObjectRef
  kind: string
}

const target = { context: contextName.optional() }
const group = z.union([z.literal(''), dns1123Subdomain])
const version = z.string().regex(/^v[0-9]+((alpha|beta)[0-9]+)?$/, 'must be a Kubernetes API version like v1')
const resource = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase plural resource name')
/** Object names are path segments: most kinds want DNS names, RBAC allows `system:…`; never `/` or `..`. */
const objectName = z
  .string()
  .min(1)
  .max(253)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^/\u0000-\u001f\u007f]+$/, 'must not contain "/" or control characters')
  .refine((n) => n !== '.' && n !== '..', 'must not be "." or ".."')

export const apiKindInput = z.strictObject({ ...target, group, version, resource })
export const apiObjectInput = apiKindInput.extend({
  namespace: dns1123Label.optional(),
  name: objectName,
})

export const apiResourceMethods = {
  'apiResources.detail': method<ApiDetail>()(apiObjectInput),
  'apiResources.yaml': method<{ yaml: string }>()(apiObjectInput),
  'apiResources.events': method<EventRow[]>()(apiObjectInput),
  'apiResources.delete': method<{ deleted: true }>()(
    apiObjectInput.extend({ gracePeriodSeconds: z.number().int().min(0).max(3600).optional() }),
  ),
  /** Objects whose name contains `text`, of custom kinds and of built-in kinds with a view of their own (palette). */
  'apiResources.search': method<FoundObject[]>()(
    z.strictObject({ ...target, text: z.string().trim().min(2).max(253) }),
  ),
}

export const apiResourceStreams = {
  /** The catalog now, and again whenever it changes (a CRD comes or goes, a kind turns out forbidden). */
  'apiResources.catalog': stream<ApiCatalog>()(z.strictObject({ ...target })),
  /** Live Table rows of one kind; a `columns` event comes before the first rows and whenever they change. */
  'apiResources.watch': stream<TableEvent>()(
    apiKindInput.extend({ namespaces: z.array(dns1123Label).max(100).optional() }),
  ),
}
