import { ApiError, type ApiErrorCode } from '@shared/contract'
import { ClusterError } from '../clusters/errors'
import { KubeconfigError, type KubeconfigErrorCode } from '../kubeconfig/errors'

// The one error policy: every failure a person can meet (a Kubernetes call, a kubeconfig edit, a cluster tool,
// a refused input) becomes an ApiError here, with one table of codes. Services call toApiError where they
// know what they were doing; the dispatcher calls it for anything else that escapes a handler.

/** HTTP statuses of the Kubernetes API (and of anything else speaking HTTP) → contract codes. */
const codeByStatus: Readonly<Record<number, ApiErrorCode>> = {
  400: 'BadInput',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'Timeout',
  409: 'Conflict',
  410: 'Conflict',
  422: 'BadInput',
  429: 'Unavailable',
  504: 'Timeout',
}

const codeByKubeconfig: Readonly<Record<KubeconfigErrorCode, ApiErrorCode>> = {
  NotFound: 'NotFound',
  Conflict: 'Conflict',
  Broken: 'Unavailable',
  Locked: 'Conflict',
  StaleLock: 'Conflict',
  Changed: 'Conflict',
  Invalid: 'BadInput',
}

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

/** What the failing call was, so the sentence can say it: "Could not scale deployment "web": …". */
export interface CallSite {
  /** A verb phrase: `scale deployment "web"`. */
  doing?: string
  /** The API server's URL, named when it cannot be reached. */
  server?: string
}

function statusCode(status: number): ApiErrorCode {
  return codeByStatus[status] ?? (status >= 500 ? 'Unavailable' : 'Internal')
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

/** Any failure → an ApiError with a sentence a person can act on; never a stack trace. */
export function toApiError(err: unknown, site: CallSite = {}): ApiError {
  if (err instanceof ApiError) return err
  // Kubeconfig and cluster-tool failures are already written for the person; only the code is mapped.
  if (err instanceof KubeconfigError) return new ApiError(codeByKubeconfig[err.code], err.message)
  if (err instanceof ClusterError) {
    const text = err.advice ? `${err.message} ${err.advice}` : err.message
    return new ApiError(err.missing ? 'NotFound' : 'BadInput', text)
  }
  const say = (text: string): string =>
    site.doing ? `Could not ${site.doing}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1)
  if (!err || typeof err !== 'object') return unexpected(String(err), site, say)
  const status = httpStatusOf(err)
  if (status !== undefined) {
    // The server's own words are kept as they are; our fallback names the status (and a one-line reason).
    const server = statusMessage(field(err, 'body'))
    if (server) return new ApiError(statusCode(status), site.doing ? say(server) : server)
    const reason = field(err, 'message')
    const why = typeof reason === 'string' && reason && !reason.includes('\n') ? ` (${reason})` : ''
    const text = `the API server answered ${status}${why}`
    return new ApiError(statusCode(status), site.doing ? say(text) : `${say(text)}.`)
  }
  if (field(err, 'name') === 'AbortError') return new ApiError('Cancelled', say('the request was cancelled.'))
  const cause = field(err, 'cause')
  const code = field(err, 'code') ?? (cause && typeof cause === 'object' ? field(cause, 'code') : undefined)
  const at = site.server ? ` at ${site.server}` : ''
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new ApiError(
      'Unavailable',
      say(`cannot reach the Kubernetes API server${at} (${code}). Check that the cluster is running.`),
    )
  }
  if (typeof code === 'string' && /CERT|SELF_SIGNED|TLS|SSL/.test(code)) {
    return new ApiError(
      'Unavailable',
      say(`the API server${at} presented a certificate that cannot be trusted (${code}).`),
    )
  }
  const message = field(err, 'message')
  return unexpected(typeof message === 'string' && message ? message : 'unknown error', site, say)
}

/** A failure nothing above recognises: a bug or an unforeseen library error. One clipped line, no stack. */
function unexpected(message: string, site: CallSite, say: (text: string) => string): ApiError {
  const clipped = message.length > 120 ? `${message.slice(0, 117)}...` : message
  if (site.doing || site.server) return new ApiError('Internal', say(`the cluster call failed: ${clipped}`))
  return new ApiError('Internal', `Something went wrong: ${clipped}`)
}

/** Runs one Kubernetes call and rethrows any failure as an ApiError that says what was being done. */
export async function kubeCall<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    throw toApiError(err, { doing })
  }
}
