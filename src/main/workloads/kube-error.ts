import { ApiException } from '@kubernetes/client-node'
import { ApiError, type ApiErrorCode } from '@shared/contract'

const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'BadInput',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Conflict',
  422: 'BadInput',
  504: 'Timeout',
}

/** The API server's own words (its Status `message`), else what the client library said. */
export function serverMessage(err: unknown): string | undefined {
  if (err instanceof ApiException) {
    const body: unknown = err.body
    const parsed = typeof body === 'string' ? tryParse(body) : body
    if (isRecord(parsed) && typeof parsed.message === 'string' && parsed.message) return parsed.message
    if (typeof body === 'string' && body.trim() && !body.trim().startsWith('{')) return body.trim()
    return undefined
  }
  return undefined
}

/** Turns a client-node failure into an ApiError carrying the server's message, so the person reads its words. */
export function toApiError(err: unknown, doing: string): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof ApiException) {
    const status = typeof err.code === 'number' ? err.code : 0
    const message = serverMessage(err) ?? `the API server answered ${status}`
    return new ApiError(
      codeByStatus[status] ?? (status >= 500 ? 'Unavailable' : 'Internal'),
      `Could not ${doing}: ${message}`,
    )
  }
  const text = err instanceof Error ? err.message : String(err)
  // Connection failures (refused, TLS, DNS) mean the cluster cannot be reached.
  return new ApiError('Unavailable', `Could not ${doing}: ${text}`)
}

/** Runs one API call and rethrows any failure as an ApiError. */
export async function kubeCall<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    throw toApiError(err, doing)
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
