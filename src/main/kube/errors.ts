import { ApiError, type ApiErrorCode } from '@shared/contract'

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
])

function httpCode(status: number): ApiErrorCode {
  if (status === 401) return 'Unauthorized'
  if (status === 403) return 'Forbidden'
  if (status === 404) return 'NotFound'
  if (status === 409 || status === 410) return 'Conflict'
  if (status === 400 || status === 422) return 'BadInput'
  if (status === 408 || status === 504) return 'Timeout'
  if (status === 429 || status >= 500) return 'Unavailable'
  return 'Internal'
}

/** The server's own sentence from a Status body (a string or already parsed), if there is one. */
export function statusMessage(body: unknown): string | undefined {
  let parsed = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as unknown
    } catch {
      return body.trim() && body.length < 300 ? body.trim() : undefined
    }
  }
  if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') {
    return parsed.message || undefined
  }
  return undefined
}

function field(err: object, name: string): unknown {
  return (err as Record<string, unknown>)[name]
}

/** The HTTP status of a failed API call, whichever client raised it (client-node, Watch, our own GET). */
export function httpStatusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined
  for (const name of ['statusCode', 'code']) {
    const v = field(err, name)
    if (typeof v === 'number' && v >= 100 && v < 600) return v
  }
  return undefined
}

/**
 * Any failure of a Kubernetes call → ApiError with the server's message (Forbidden, NotFound…), or a plain
 * sentence when the server could not be reached. Never a stack trace.
 */
export function toApiError(err: unknown, server = 'the cluster'): ApiError {
  if (err instanceof ApiError) return err
  if (!err || typeof err !== 'object')
    return new ApiError('Internal', `The cluster call failed: ${String(err)}`)
  const status = httpStatusOf(err)
  if (status !== undefined) {
    const text =
      statusMessage(field(err, 'body')) ??
      `The API server answered ${status} (${String(field(err, 'message') ?? 'error')}).`
    return new ApiError(httpCode(status), text)
  }
  const name = field(err, 'name')
  if (name === 'AbortError') return new ApiError('Cancelled', 'The request was cancelled.')
  const cause = field(err, 'cause')
  const code = field(err, 'code') ?? (cause && typeof cause === 'object' ? field(cause, 'code') : undefined)
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new ApiError(
      'Unavailable',
      `Cannot reach the Kubernetes API server at ${server} (${code}). Check that the cluster is running.`,
    )
  }
  if (typeof code === 'string' && /CERT|SELF_SIGNED|TLS|SSL/.test(code)) {
    return new ApiError(
      'Unavailable',
      `The API server at ${server} presented a certificate that cannot be trusted (${code}).`,
    )
  }
  const message = field(err, 'message')
  return new ApiError(
    'Internal',
    `The cluster call failed: ${typeof message === 'string' ? message : 'unknown error'}`,
  )
}
