import { KubeconfigError } from './errors'

// C0/C1 control characters, DEL included: they break terminals, YAML and file listings.
const hasControl = (text: string): boolean =>
  [...text].some((ch) => {
    const code = ch.codePointAt(0) ?? 0
    return code < 0x20 || (code >= 0x7f && code <= 0x9f)
  })
const MAX_NAME = 253

/** Checks a context/cluster/user name a person typed or a file supplied before it is written anywhere. */
export function validateName(kind: 'context' | 'cluster' | 'user', name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new KubeconfigError('Invalid', `The ${kind} name is empty. Type a name.`)
  }
  if (hasControl(name)) {
    throw new KubeconfigError(
      'Invalid',
      `The ${kind} name ${JSON.stringify(name)} contains control characters.`,
    )
  }
  if (name !== name.trim()) {
    throw new KubeconfigError(
      'Invalid',
      `The ${kind} name ${JSON.stringify(name)} starts or ends with spaces.`,
    )
  }
  if (name.length > MAX_NAME) {
    throw new KubeconfigError('Invalid', `The ${kind} name is longer than ${MAX_NAME} characters.`)
  }
  return name
}

/** A namespace is a DNS label; '' means "no default namespace". */
export function validateNamespace(namespace: unknown): string {
  if (typeof namespace !== 'string') throw new KubeconfigError('Invalid', 'The namespace must be text.')
  if (namespace === '') return namespace
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) {
    throw new KubeconfigError(
      'Invalid',
      `"${namespace}" is not a valid namespace: use lowercase letters, digits and '-', at most 63 characters.`,
    )
  }
  return namespace
}
