import type { ServerResponse } from 'node:http'
import type { ResourceDef } from '../api/resources'
import { ApiError } from '../api/status'
import type { FieldValidation } from './prepare'
import { parseFieldValidation } from './prepare'

// Request-level rules for custom resources: fieldValidation, its Warning headers, and the patch types
// a custom resource accepts (no strategic merge: it has no Go struct to carry patch strategies).
export function customWriteOptions(query: URLSearchParams): {
  fieldValidation?: FieldValidation
  warnings: string[]
} {
  const fieldValidation = parseFieldValidation(query)
  return { ...(fieldValidation ? { fieldValidation } : {}), warnings: [] }
}

// Go's net/http warning header: 299 - "text" (strconv.Quote).
export function sendWarnings(res: ServerResponse, warnings: string[]): void {
  if (warnings.length > 0)
    res.setHeader(
      'Warning',
      warnings.map((w) => `299 - ${JSON.stringify(w)}`),
    )
}

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
