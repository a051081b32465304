import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { isRecord } from '../types'
import type { Sync } from './index'

// The sandbox's simulated ingress-nginx (as kind's guide installs it, publishing `localhost`): an Ingress
// of a class it controls is scheduled for sync and, a moment later, gets the controller's address.
export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx'
const COMPONENT = 'nginx-ingress-controller'
const SYNC_DELAY_MS = 2_000

export function syncIngress(sync: Sync, ns: string, name: string): void {
  const { api } = sync
  const def = resourceByKind('Ingress')
  const ingress = api.store.get(def, ns, name)?.obj
  if (!ingress || ingress.metadata.deletionTimestamp) return
  const spec = isRecord(ingress.spec) ? ingress.spec : {}
  const annotated = ingress.metadata.annotations?.['kubernetes.io/ingress.class']
  const className = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : annotated
  if (!className) return
  const cls = api.store.get(resourceByKind('IngressClass'), '', className)?.obj
  const controller = isRecord(cls?.spec) ? cls.spec.controller : undefined
  // ingress-nginx also serves the legacy annotation `kubernetes.io/ingress.class: nginx` without a class object
  if (controller !== NGINX_CONTROLLER && !(annotated === 'nginx' && !cls)) return
  const status = isRecord(ingress.status) ? ingress.status : {}
  const lb = isRecord(status.loadBalancer) ? status.loadBalancer : {}
  if (Array.isArray(lb.ingress) && lb.ingress.length > 0) return
  const due = Date.parse(ingress.metadata.creationTimestamp) + SYNC_DELAY_MS - api.clock.now()
  if (due > 0) {
    sync.events.record(ingress, 'Normal', 'Sync', 'Scheduled for sync', COMPONENT)
    sync.after(`Ingress|${ns}|${name}`, due)
    return
  }
  api.update(
    def,
    ns,
    name,
    { ...ingress, status: { ...status, loadBalancer: { ingress: [{ hostname: 'localhost' }] } } },
    { internal: true, subresource: 'status' },
  )
}

// Ingresses of a class, when the class appears or changes.
export function ingressesOfClass(api: ObjectApi, className: string): [string, string][] {
  return api.store
    .list(resourceByKind('Ingress'))
    .filter((e) => isRecord(e.obj.spec) && e.obj.spec.ingressClassName === className)
    .map((e) => [e.obj.metadata.namespace ?? '', e.obj.metadata.name])
}

// A sandbox starts with ingress-nginx's class as the default, as after `kubectl apply` of kind's
// ingress-nginx manifest with the default-class annotation.
export function bootstrapIngressClass(api: ObjectApi): void {
  api.create(resourceByKind('IngressClass'), '', {
    metadata: {
      name: 'nginx',
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
    },
    spec: { controller: NGINX_CONTROLLER },
  })
}
