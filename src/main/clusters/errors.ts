import type { JobError } from '@shared/contract/clusters'

/** A failure a person can act on: the tool's own words, never a stack trace. */
export class ClusterError extends Error {
  readonly advice?: string
  readonly exitCode?: number
  readonly reason?: string
  /** The thing named (a job, a sandbox) does not exist: NotFound rather than a refusal. */
  readonly missing?: boolean

  constructor(
    message: string,
    details: { advice?: string; exitCode?: number; reason?: string; missing?: boolean } = {},
  ) {
    super(message)
    this.name = 'ClusterError'
    if (details.advice !== undefined) this.advice = details.advice
    if (details.exitCode !== undefined) this.exitCode = details.exitCode
    if (details.reason !== undefined) this.reason = details.reason
    if (details.missing) this.missing = true
  }
}

export type { JobError } from '@shared/contract/clusters'

/** Turns anything thrown into the plain shape the contract carries. */
export function toJobError(err: unknown): JobError {
  if (err instanceof ClusterError) {
    const out: JobError = { message: err.message }
    if (err.advice !== undefined) out.advice = err.advice
    if (err.exitCode !== undefined) out.exitCode = err.exitCode
    return out
  }
  if (err instanceof Error) return { message: err.message }
  return { message: String(err) }
}
