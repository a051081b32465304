import { z } from 'zod'
import { method } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'

// Dedicated views that follow references between objects: an Ingress to its Services and their pods, a claim
// to its volume, class and pods. Read-only: these views make no writes.

/** A pod behind a Service (one of its EndpointSlices' endpoints) or one that mounts a claim. */
export interface LinkedPod {
  name: string
  ready: boolean
  node?: string
  /** Pod phase, or Terminating; for a Service's endpoint the slice's own readiness decides `ready`. */
  phase?: string
}

/** Where one Ingress path (or its default backend) sends requests, and whether anything answers there. */
export interface IngressBackendState {
  /** A Service backend: its name, the port as the Ingress names it (number or name), and what was found. */
  service?: {
    name: string
    port: string
    exists: boolean
    type?: string
    /** The Service port the rule resolves to, as `80/TCP → 8080`. */
    resolvedPort?: string
  }
  /** A resource backend (an object of another kind, e.g. a storage bucket), shown as is. */
  resource?: { apiGroup?: string; kind: string; name: string }
  /** Ready and not-ready pods behind the Service's port, from its EndpointSlices. */
  pods: LinkedPod[]
  /** Why requests cannot reach a pod, in plain words (missing Service or port, no ready pod). */
  problem?: string
}

/** A URL that reaches a path from this machine, when Skiff can tell (its own sandbox's ingress controller). */
export interface IngressUrl {
  url: string
  /** E.g. that a host name must resolve to 127.0.0.1, with a curl line that works without it. */
  note?: string
}

export interface IngressPath {
  /** Absent: any host. */
  host?: string
  path: string
  pathType: string
  backend: IngressBackendState
  url?: IngressUrl
}

export interface IngressTls {
  hosts: string[]
  secret?: string
  /** found: the Secret exists; missing: it does not; unknown: Skiff may not read Secrets here. */
  secretState: 'found' | 'missing' | 'unknown' | 'none'
  secretType?: string
}

export interface IngressState {
  /** spec.ingressClassName, else the legacy annotation, else the cluster's default class. */
  className?: string
  classFrom?: 'spec' | 'annotation' | 'default'
  /** The controller the class names (`k8s.io/ingress-nginx`). */
  controller?: string
  /** Addresses the controller published in status (hostnames or IPs). */
  addresses: string[]
  paths: IngressPath[]
  defaultBackend?: IngressBackendState & { url?: IngressUrl }
  tls: IngressTls[]
  /** Things a user should know first: no class, no controller, no address yet, no rules. */
  notes: string[]
}

/** A PersistentVolumeClaim: what it asked for, what it got, and who uses it. */
export interface ClaimState {
  phase: string
  storageClass?: string
  /** The class exists? (false: nothing will provision for it) */
  storageClassFound?: boolean
  provisioner?: string
  bindingMode?: string
  volume?: string
  requested?: string
  capacity?: string
  accessModes: string[]
  volumeMode: string
  /** Pods whose volumes name this claim (directly or as a generic ephemeral volume). */
  pods: LinkedPod[]
  /** A claim made from a StatefulSet's volumeClaimTemplates: which set and ordinal, and whether its pod exists. */
  statefulSet?: { name: string; ordinal: number; pod: string; podExists: boolean }
  /** Pending: why, in words, then what the controllers said (events, newest first). */
  waiting?: { explanation: string; events: { type: string; reason: string; message: string }[] }
}

export interface VolumeState {
  phase: string
  capacity?: string
  accessModes: string[]
  volumeMode: string
  reclaimPolicy: string
  storageClass?: string
  /** The claim it is bound to (or was, when Released); `exists` false when the claim is gone. */
  claim?: { namespace: string; name: string; exists: boolean }
  /** Where the data lives, as `hostPath /var/local-path-provisioner/…` or `CSI driver x (handle)`. */
  source: string
  /** Nodes the volume can be used on (a local volume's node affinity). */
  nodes: string[]
  /** What the phase and reclaim policy mean for the data, in words. */
  explanation: string
}

export interface StorageClassState {
  provisioner: string
  reclaimPolicy: string
  bindingMode: string
  isDefault: boolean
  allowExpansion: boolean
  parameters: Record<string, string>
  /** What the binding mode means, in words. */
  explanation: string
  claims: { namespace: string; name: string; phase: string; volume?: string }[]
  volumes: { name: string; phase: string; claim?: string }[]
}

const namespaced = z.strictObject({
  context: contextName.optional(),
  namespace: dns1123Label,
  name: dns1123Subdomain,
})
const clusterScoped = z.strictObject({ context: contextName.optional(), name: dns1123Subdomain })

export const networkStorageMethods = {
  'ingresses.state': method<IngressState>()(namespaced),
  'claims.state': method<ClaimState>()(namespaced),
  'volumes.state': method<VolumeState>()(clusterScoped),
  'storageClasses.state': method<StorageClassState>()(clusterScoped),
}
