import type { V1Status } from '@kubernetes/client-node'

export interface ExitInfo {
  code?: number
  message: string
  /** The runtime could not start the command at all (the image lacks it): shell detection tries the next. */
  notFound: boolean
}

const NOT_FOUND = /executable file not found|no such file or directory|not found in \$PATH/i

/** kubelet's exec Status → an exit code and a sentence (`NonZeroExitCode` carries the code as a cause). */
export function exitFromStatus(status: V1Status): ExitInfo {
  if (status.status === 'Success')
    return { code: 0, message: 'The command ended (exit code 0).', notFound: false }
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode')
  const code = cause?.message === undefined ? NaN : Number(cause.message)
  if (status.reason === 'NonZeroExitCode' && Number.isInteger(code)) {
    return { code, message: `The command ended (exit code ${code}${killedBy(code)}).`, notFound: false }
  }
  const message = status.message ?? 'The command failed to run.'
  return { message: `The command could not run: ${message}`, notFound: NOT_FOUND.test(message) }
}

/** 128 + a signal number: what a person usually meets it as (a deleted pod's processes get SIGKILL). */
function killedBy(code: number): string {
  if (code === 137) return ': killed, as when its pod is deleted or it runs out of memory'
  if (code === 143) return ': terminated, as when its container stops'
  return ''
}
