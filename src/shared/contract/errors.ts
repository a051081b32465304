/** Error codes every transport carries unchanged from the backend to the UI. */
export type ApiErrorCode =
  | 'BadInput' // the call's input failed validation; nothing ran
  | 'UnknownMethod'
  | 'NotFound'
  | 'Conflict'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Unavailable' // a cluster, binary or file could not be reached
  | 'NeedsApproval' // a context's exec plugin would run a command the person has not allowed yet
  | 'Cancelled'
  | 'Timeout'
  | 'Internal'

export interface ApiErrorBody {
  code: ApiErrorCode
  /** A sentence a person can act on; never a stack trace. */
  message: string
  /** Field-level problems for BadInput, e.g. `{ path: 'name', message: 'must be lowercase' }`. */
  issues?: { path: string; message: string }[]
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

/** Thrown by services and by the renderer's client; the dispatcher turns it into an ApiErrorBody. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly issues: ApiErrorBody['issues']

  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorBody['issues']) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.issues = issues
  }

  toBody(): ApiErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message }
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues)
  }
}
