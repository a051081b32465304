// Who a request comes from, as kube-apiserver's authenticators and impersonation filter produce it.
export interface UserInfo {
  username: string
  uid?: string
  groups: string[]
  extra?: Record<string, string[]>
}

// The sandbox's one credential: the kubeconfig token, a cluster admin (like kind's kubernetes-admin).
export const SANDBOX_USER: UserInfo = {
  username: 'sandbox-admin',
  groups: ['system:masters', 'system:authenticated'],
}

export const SA_PREFIX = 'system:serviceaccount:'

export function serviceAccountUser(namespace: string, name: string, uid?: string): UserInfo {
  return {
    username: `${SA_PREFIX}${namespace}:${name}`,
    ...(uid ? { uid } : {}),
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  }
}

// "system:serviceaccount:ns:name" → [ns, name]
export function parseServiceAccountUsername(username: string): [string, string] | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined
  const parts = username.slice(SA_PREFIX.length).split(':')
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined
}

export function isPrivileged(user: UserInfo): boolean {
  return user.groups.includes('system:masters')
}
