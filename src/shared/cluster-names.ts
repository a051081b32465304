import type { ProviderId } from './contract/clusters'

// The one rule for cluster names: the form shows it as you type, the contract refuses a call that breaks it
// (before anything runs), and the providers re-assert it where a name becomes an argv entry or a path.

const MAX = 63
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
// Sandbox names become context names and folder names: keep them DNS-label-like.
const SANDBOX_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/

/** kind's rule (cli-spec.md), in kind's own words. */
function kindProblem(name: string): string | undefined {
  if (KIND_NAME.test(name)) return undefined
  return `'${name}' is not a valid cluster name, cluster names must match \`^[a-z0-9.-]+$\``
}

/** minikube's profile rule: DNS-label-like, longer than one character, not a reserved word. */
function minikubeProblem(name: string): string | undefined {
  if (name.length <= 1) return `Profile name "${name}" must be longer than 1 character`
  if (MINIKUBE_RESERVED.has(name.toLowerCase())) return `Profile name "${name}" is a reserved word`
  if (!MINIKUBE_NAME.test(name)) {
    return `Profile name "${name}" is not valid: use letters, digits, '-' and '.', starting and ending with a letter or digit`
  }
  return undefined
}

function sandboxProblem(name: string): string | undefined {
  if (SANDBOX_NAME.test(name)) return undefined
  return `Sandbox name "${name}" is not valid: use 1-40 lowercase letters, digits and '-', starting and ending with a letter or digit`
}

/** Why `name` cannot name a cluster of `provider`, in a sentence; undefined when it can. */
export function clusterNameProblem(provider: ProviderId, name: string): string | undefined {
  if (name.length === 0) return 'A cluster needs a name.'
  if (name.length > MAX) return `A cluster name has at most ${MAX} characters (this one has ${name.length}).`
  if (provider === 'kind') return kindProblem(name)
  if (provider === 'minikube') return minikubeProblem(name)
  return sandboxProblem(name)
}
