import { ApiError } from '@shared/contract'
import { KubeHttpError } from '../kube/kube-request'
import type { Rest } from './rest'

/** Where objects of one apiVersion/kind live, from the API server's discovery (CRDs included). */
export interface KindPlace {
  apiVersion: string
  kind: string
  plural: string
  namespaced: boolean
}

interface ApiResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[]
}

/** Resolves kinds to resource paths, asking discovery once per group-version for the life of this resolver. */
export function createResolver(rest: Rest): (apiVersion: string, kind: string) => Promise<KindPlace> {
  const lists = new Map<string, Promise<ApiResourceList>>()
  return async (apiVersion, kind) => {
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`
    let list = lists.get(path)
    if (!list) {
      list = rest({ method: 'GET', path }).then(
        (a) => a.body as ApiResourceList,
        (err: unknown) => {
          if (err instanceof KubeHttpError && err.statusCode === 404) return { resources: [] }
          throw err
        },
      )
      lists.set(path, list)
    }
    const found = (await list).resources?.find((r) => r.kind === kind && !r.name.includes('/'))
    if (!found) {
      throw new ApiError(
        'NotFound',
        `The cluster does not serve kind "${kind}" in version "${apiVersion}" (is its CRD installed?).`,
      )
    }
    return { apiVersion, kind, plural: found.name, namespaced: found.namespaced }
  }
}

export function placePath(place: KindPlace, namespace: string | undefined, name?: string): string {
  const prefix = place.apiVersion.includes('/') ? `/apis/${place.apiVersion}` : `/api/${place.apiVersion}`
  const ns = place.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : ''
  return `${prefix}${ns}/${place.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`
}
