import type { ApiKindRef, ApiObjectRef } from '@shared/contract'

/** `/api/v1` for the core group, `/apis/<group>/<version>` for the others. */
export function groupVersionPrefix(k: ApiKindRef): string {
  return k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`
}

/** The list/watch path; no namespace means all namespaces (or a cluster-scoped kind). */
export function kindCollectionPath(k: ApiKindRef, namespace?: string): string {
  const prefix = groupVersionPrefix(k)
  return namespace ? `${prefix}/namespaces/${namespace}/${k.resource}` : `${prefix}/${k.resource}`
}

export function apiObjectPath(ref: ApiObjectRef): string {
  return `${kindCollectionPath(ref, ref.namespace)}/${encodeURIComponent(ref.name)}`
}

/** `apps/v1`, or `v1` for the core group: what apiVersion and ownerReferences say. */
export function apiVersionOf(k: ApiKindRef): string {
  return k.group ? `${k.group}/${k.version}` : k.version
}

/** `apps/v1` → group `apps`, version `v1`; `v1` → the core group. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/')
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) }
}
