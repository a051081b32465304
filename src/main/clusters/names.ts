import type { ProviderId } from './types'

const KIND_NAME = /^[a-z0-9.-]+$/
const MINIKUBE_NAME =
  /^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/
const MINIKUBE_RESERVED = new Set([
  'start',
  'stop',
  'status',
  'delete',
  'config',
  'open',
  'profile',
  'addons',
  'cache',
  'logs',
])
// Sandbox names become context names and file names: keep them DNS-label-like.
const SANDBOX_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/

/** kind's rule (cli-spec.md): returns kind's own message when the name is refused. */
export function validateKindName(name: string): string | undefined {
  if (KIND_NAME.test(name)) return undefined
  return `'${name}' is not a valid cluster name, cluster names must match \`^[a-z0-9.-]+$\``
}

/** minikube's profile rule: DNS-label-like, longer than one character, not a reserved word. */
export function validateMinikubeName(name: string): string | undefined {
  if (name.length <= 1) return `Profile name "${name}" must be longer than 1 character`
  if (MINIKUBE_RESERVED.has(name.toLowerCase())) return `Profile name "${name}" is a reserved word`
  if (!MINIKUBE_NAME.test(name)) {
    return `Profile name "${name}" is not valid: use letters, digits, '-' and '.', starting and ending with a letter or digit`
  }
  return undefined
}

export function validateSandboxName(name: string): string | undefined {
  if (SANDBOX_NAME.test(name)) return undefined
  return `Sandbox name "${name}" is not valid: use 1-40 lowercase letters, digits and '-', starting and ending with a letter or digit`
}

export function validateClusterName(provider: ProviderId, name: string): string | undefined {
  if (provider === 'kind') return validateKindName(name)
  if (provider === 'minikube') return validateMinikubeName(name)
  return validateSandboxName(name)
}
