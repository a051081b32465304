import type {
  V1EndpointSlice,
  V1Ingress,
  V1IngressBackend,
  V1IngressClass,
  V1Service,
  V1ServicePort,
} from '@kubernetes/client-node'
import type {
  IngressBackendState,
  IngressPath,
  IngressState,
  IngressTls,
  IngressUrl,
  LinkedPod,
} from '@shared/contract'

// An Ingress resolved the way a controller does: host/path → Service:port → the ready pods behind that port.
// Pure, so every wording and edge (missing Service, unknown port, no endpoints) is tested without a cluster.

export interface IngressWorld {
  ingress: V1Ingress
  services: V1Service[]
  slices: V1EndpointSlice[]
  classes: V1IngressClass[]
  /** TLS secret name → what a read found. */
  secrets: ReadonlyMap<string, { state: 'found' | 'missing' | 'unknown'; type?: string }>
  /** The loopback port of this Skiff's sandbox ingress controller, when the cluster is one. */
  sandboxIngressPort?: number
}

const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class'
const portText = (p: V1ServicePort): string =>
  `${p.port}/${p.protocol ?? 'TCP'}${p.name ? ` "${p.name}"` : ''}`

function servicePort(svc: V1Service, backend: V1IngressBackend): V1ServicePort | undefined {
  const want = backend.service?.port
  return (svc.spec?.ports ?? []).find((p) =>
    want?.name !== undefined ? p.name === want.name : p.port === want?.number,
  )
}

/** The Service's endpoints for one of its ports: slices label their Service and name ports as it does. */
function endpointPods(slices: V1EndpointSlice[], service: string, port: V1ServicePort): LinkedPod[] {
  const pods = new Map<string, LinkedPod>()
  for (const s of slices) {
    if (s.metadata?.labels?.['kubernetes.io/service-name'] !== service) continue
    if (s.ports && s.ports.length > 0 && !s.ports.some((p) => (p.name ?? '') === (port.name ?? ''))) continue
    for (const e of s.endpoints) {
      const name = e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined
      if (!name) continue
      // A missing ready condition means ready (the EndpointSlice API's own rule).
      const ready = e.conditions?.ready !== false && e.conditions?.terminating !== true
      pods.set(name, { name, ready, ...(e.nodeName ? { node: e.nodeName } : {}) })
    }
  }
  return [...pods.values()].sort((a, b) => Number(b.ready) - Number(a.ready) || a.name.localeCompare(b.name))
}

export function resolveBackend(world: IngressWorld, backend: V1IngressBackend): IngressBackendState {
  const ns = world.ingress.metadata?.namespace ?? 'default'
  if (backend.resource) {
    const { apiGroup, kind, name } = backend.resource
    return { resource: { ...(apiGroup ? { apiGroup } : {}), kind, name }, pods: [] }
  }
  const name = backend.service?.name ?? ''
  const port = backend.service?.port
  const portName = port?.name ?? String(port?.number ?? '')
  const svc = world.services.find((s) => s.metadata?.name === name)
  if (!svc)
    return {
      service: { name, port: portName, exists: false },
      pods: [],
      problem: `Service "${name}" does not exist in namespace "${ns}": the controller answers 503 for this path.`,
    }
  const type = svc.spec?.type ?? 'ClusterIP'
  const base = { name, port: portName, exists: true, type }
  if (type === 'ExternalName')
    return {
      service: base,
      pods: [],
      problem: `Service "${name}" is an ExternalName for ${svc.spec?.externalName ?? '?'}: no pods, the controller proxies to that host.`,
    }
  const sp = servicePort(svc, backend)
  if (!sp) {
    const has = (svc.spec?.ports ?? []).map(portText).join(', ') || 'no ports'
    return {
      service: base,
      pods: [],
      problem: `Service "${name}" has no port ${port?.name ? `named "${port.name}"` : (port?.number ?? '?')} (it has ${has}): the controller answers 503 for this path.`,
    }
  }
  const target = sp.targetPort === undefined ? '' : ` → ${String(sp.targetPort)}`
  const service = { ...base, resolvedPort: `${sp.port}/${sp.protocol ?? 'TCP'}${target}` }
  const pods = endpointPods(world.slices, name, sp)
  if (pods.some((p) => p.ready)) return { service, pods }
  const selector = svc.spec?.selector && Object.keys(svc.spec.selector).length > 0
  return {
    service,
    pods,
    problem:
      pods.length > 0
        ? `No pod behind Service "${name}" is ready: the controller answers 503 until one is.`
        : selector
          ? `No pod matches Service "${name}"'s selector: the controller answers 503.`
          : `Service "${name}" has no selector and no endpoints: the controller answers 503.`,
  }
}

const resolvesLocally = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost')

/** The URL this machine reaches a path on through the sandbox's simulated controller (plain HTTP, loopback). */
function sandboxUrl(port: number, host: string | undefined, path: string): IngressUrl | undefined {
  if (host?.startsWith('*')) return undefined
  const shown = host ?? 'localhost'
  const url = `http://${shown}:${port}${path}`
  if (resolvesLocally(shown)) return { url }
  return {
    url,
    note: `${shown} must resolve to 127.0.0.1 (add it to /etc/hosts), or: curl -H 'Host: ${shown}' http://127.0.0.1:${port}${path}`,
  }
}

function ingressClass(world: IngressWorld): Pick<IngressState, 'className' | 'classFrom' | 'controller'> {
  const { ingress, classes } = world
  const annotated = ingress.metadata?.annotations?.['kubernetes.io/ingress.class']
  const fallback = classes.find((c) => c.metadata?.annotations?.[DEFAULT_CLASS] === 'true')?.metadata?.name
  const [className, classFrom] = ingress.spec?.ingressClassName
    ? [ingress.spec.ingressClassName, 'spec' as const]
    : annotated
      ? [annotated, 'annotation' as const]
      : fallback
        ? [fallback, 'default' as const]
        : [undefined, undefined]
  const controller = classes.find((c) => c.metadata?.name === className)?.spec?.controller
  return {
    ...(className ? { className } : {}),
    ...(classFrom ? { classFrom } : {}),
    ...(controller ? { controller } : {}),
  }
}

function tlsEntries(world: IngressWorld): IngressTls[] {
  return (world.ingress.spec?.tls ?? []).map((t) => {
    const found = t.secretName ? world.secrets.get(t.secretName) : undefined
    return {
      hosts: t.hosts ?? [],
      ...(t.secretName ? { secret: t.secretName } : {}),
      secretState: t.secretName ? (found?.state ?? 'unknown') : 'none',
      ...(found?.type ? { secretType: found.type } : {}),
    }
  })
}

export function resolveIngress(world: IngressWorld): IngressState {
  const { ingress } = world
  const cls = ingressClass(world)
  const addresses = (ingress.status?.loadBalancer?.ingress ?? []).flatMap((a) =>
    a.hostname ? [a.hostname] : a.ip ? [a.ip] : [],
  )
  // The sandbox's controller serves only what it admitted (it gave it an address).
  const port = addresses.length > 0 ? world.sandboxIngressPort : undefined
  const paths: IngressPath[] = (ingress.spec?.rules ?? []).flatMap((r) =>
    (r.http?.paths ?? []).map((p) => {
      const path = p.path ?? '/'
      const url = port === undefined ? undefined : sandboxUrl(port, r.host, path)
      return {
        ...(r.host ? { host: r.host } : {}),
        path,
        pathType: p.pathType,
        backend: resolveBackend(world, p.backend),
        ...(url ? { url } : {}),
      }
    }),
  )
  const fallback = ingress.spec?.defaultBackend
  const fallbackUrl = fallback && port !== undefined ? sandboxUrl(port, undefined, '/') : undefined
  const notes: string[] = []
  if (!cls.className)
    notes.push('No ingress class, and the cluster has no default one: no controller will serve this ingress.')
  else if (!cls.controller && cls.classFrom !== 'annotation')
    notes.push(`IngressClass "${cls.className}" does not exist: no controller will serve this ingress.`)
  if (addresses.length === 0 && cls.className)
    notes.push(
      `No address yet: no ingress controller has admitted it. Is a controller for class "${cls.className}" installed and running?`,
    )
  if (paths.length === 0 && !fallback) notes.push('No rules and no default backend: it routes nothing.')
  return {
    ...cls,
    addresses,
    paths,
    ...(fallback
      ? {
          defaultBackend: {
            ...resolveBackend(world, fallback),
            ...(fallbackUrl ? { url: fallbackUrl } : {}),
          },
        }
      : {}),
    tls: tlsEntries(world),
    notes,
  }
}
