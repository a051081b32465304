export type KubeconfigErrorCode =
  'NotFound' | 'Conflict' | 'Broken' | 'Locked' | 'StaleLock' | 'Changed' | 'Invalid'

// One error type for every kubeconfig failure; `message` is written for the person, `code` for the UI.
export class KubeconfigError extends Error {
  readonly code: KubeconfigErrorCode
  readonly details: Readonly<Record<string, unknown>>

  constructor(code: KubeconfigErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'KubeconfigError'
    this.code = code
    this.details = details
  }
}

export function isKubeconfigError(err: unknown, code?: KubeconfigErrorCode): err is KubeconfigError {
  return err instanceof KubeconfigError && (code === undefined || err.code === code)
}

/** Shows a path the way a person types it: the home folder as `~`. */
export function displayPath(file: string, homedir: string): string {
  if (homedir && (file === homedir || file.startsWith(homedir + '/') || file.startsWith(homedir + '\\'))) {
    return '~' + file.slice(homedir.length)
  }
  return file
}
