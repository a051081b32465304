import { api } from '../api/client'
import type { OpenApiDocument } from './openapi-schema'
import type { SchemaSource } from './schema-help'

const cache = new Map<string, Promise<OpenApiDocument | undefined>>()

/**
 * The cluster's own OpenAPI v3 documents, one per group-version, fetched once per context and session: CRDs
 * validate and complete like built-in kinds because the schema comes from the cluster, not from a bundle.
 */
export function clusterSchemas(context: string | undefined): SchemaSource {
  return (apiVersion) => {
    const key = `${context ?? ''}|${apiVersion}`
    let doc = cache.get(key)
    if (!doc) {
      doc = api.call('manifests.schema', { ...(context ? { context } : {}), apiVersion }).then(
        (r) => r.document as OpenApiDocument,
        () => {
          cache.delete(key) // a CRD installed later, or a cluster that was down: ask again next time
          return undefined
        },
      )
      cache.set(key, doc)
    }
    return doc
  }
}
