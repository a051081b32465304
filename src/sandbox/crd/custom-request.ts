import type { ResourceDef } from '../api/resources'
import { ApiError } from '../api/status'

// The patch types a custom resource accepts (no strategic merge: it has no Go struct to carry patch strategies).
export function refuseStrategicMerge(r: ResourceDef, contentType: string): string {
  if (r.custom && contentType.startsWith('application/strategic-merge-patch')) {
    throw new ApiError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
      reason: 'UnsupportedMediaType',
      code: 415,
    })
  }
  return contentType
}
