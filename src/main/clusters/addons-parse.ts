import type { AddonInfo } from '@shared/contract/dev-loop'

/**
 * `minikube addons list -o json`: {"<addon>":{"Profile":"p","Status":"enabled"|"disabled"}}; with no such
 * profile every value is {} (minikube prints the names only), which reads as "unknown".
 */
export function parseAddonsList(stdout: string): AddonInfo[] | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(stdout.trim())
  } catch {
    return undefined
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined
  return Object.entries(doc as Record<string, unknown>)
    .map(([name, value]): AddonInfo => {
      const status = (value as { Status?: unknown } | null)?.Status
      return { name, status: status === 'enabled' || status === 'disabled' ? status : 'unknown' }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}
