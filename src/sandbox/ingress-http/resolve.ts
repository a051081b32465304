import type { KObj } from '../types'

// ingress-nginx's routing, simulated: Host + path → an Ingress rule → its Service → a ready endpoint's pod.
export type Answer =
  | { status: 200; ingress: string; service: string; pod: string; image: string }
  | { status: 404 }
  | { status: 503; ingress: string; service: string }

interface Rule {
  ingress: string
  namespace: string
  host?: string
  path: string
  exact: boolean
  service: string
}

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** Rules of the Ingresses the simulated controller has admitted (they have a status address). */
export function ingressRules(ingresses: KObj[]): Rule[] {
  return ingresses.flatMap((ing) => {
    if (arr(rec(rec(ing.status).loadBalancer).ingress).length === 0) return []
    const base = { ingress: ing.metadata.name, namespace: ing.metadata.namespace ?? 'default' }
    const spec = rec(ing.spec)
    const rules = arr(spec.rules).flatMap((r) => {
      const host = str(rec(r).host)
      return arr(rec(rec(r).http).paths).flatMap((p): Rule[] => {
        const service = str(rec(rec(rec(p).backend).service).name)
        if (!service) return []
        const path = str(rec(p).path) ?? '/'
        return [{ ...base, ...(host ? { host } : {}), path, exact: rec(p).pathType === 'Exact', service }]
      })
    })
    const fallback = str(rec(rec(spec.defaultBackend).service).name)
    return fallback ? [...rules, { ...base, path: '/', exact: false, service: fallback }] : rules
  })
}

function pathMatches(rule: Rule, path: string): boolean {
  if (rule.exact) return path === rule.path
  const prefix = rule.path.replace(/\/+$/, '')
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`)
}

/** The pod a ready endpoint of the Service points at (the first, as a round-robin's first pick). */
function readyPod(namespace: string, service: string, endpoints: KObj[], pods: KObj[]): KObj | undefined {
  const ep = endpoints.find(
    (e) => e.metadata.name === service && (e.metadata.namespace ?? 'default') === namespace,
  )
  const address = arr(rec(ep).subsets).flatMap((s) => arr(rec(s).addresses))[0]
  const podName = str(rec(rec(address).targetRef).name)
  return pods.find((p) => p.metadata.name === podName && (p.metadata.namespace ?? 'default') === namespace)
}

export function resolve(
  objects: { ingresses: KObj[]; endpoints: KObj[]; pods: KObj[] },
  hostHeader: string,
  path: string,
): Answer {
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase()
  // A rule for this host beats a rule for any host; within those, the longest path wins.
  const candidates = ingressRules(objects.ingresses)
    .filter((r) => (r.host === undefined || r.host === host) && pathMatches(r, path))
    .sort(
      (a, b) => Number(b.host !== undefined) - Number(a.host !== undefined) || b.path.length - a.path.length,
    )
  const rule = candidates[0]
  if (!rule) return { status: 404 }
  const pod = readyPod(rule.namespace, rule.service, objects.endpoints, objects.pods)
  const service = `${rule.namespace}/${rule.service}`
  if (!pod) return { status: 503, ingress: rule.ingress, service }
  const image = str(rec(arr(rec(pod.spec).containers)[0]).image) ?? ''
  return { status: 200, ingress: rule.ingress, service, pod: pod.metadata.name, image }
}
