import { z } from 'zod'
import { minikubeAddons } from '../cluster-options'
import { clusterNameProblem } from '../cluster-names'
import { providerIds } from './clusters'
import type { JobInfo, ProviderId } from './clusters'
import { method } from './define'

// The local dev loop: images from this machine into a cluster, minikube addons, and URLs that reach a Service.

export interface HostImage {
  /** repository:tag as the engine names it */
  ref: string
  id: string
  size?: string
  created?: string
}

export interface HostImages {
  engine?: 'docker' | 'podman'
  images: HostImage[]
  /** Why the list is empty: no engine installed, daemon not running… */
  problem?: string
}

export interface ClusterImages {
  /** Image names as the cluster's container runtime lists them (docker.io/library/nginx:1.27). */
  images: string[]
}

/** A container waiting for its image; `onHost` when this machine has it (so a load fixes it). */
export interface WaitingPod {
  namespace: string
  pod: string
  container: string
  image: string
  reason: string
  onHost: boolean
}

export interface ServiceSummary {
  namespace: string
  name: string
  type: string
  ports: string
}

export interface AddonInfo {
  name: string
  status: 'enabled' | 'disabled' | 'unknown'
}

export interface ServiceUrl {
  url: string
  /** How the URL reaches the Service from this machine. */
  via: 'nodeport' | 'port-mapping' | 'ingress' | 'loadbalancer'
  /** Port name or number it serves, and any caveat (e.g. a host name that needs /etc/hosts). */
  label: string
  note?: string
}

export interface ServiceUrls {
  urls: ServiceUrl[]
  /** Why there is no URL, or what else to try (minikube service --url, port-forward). */
  notes: string[]
}

const provider = z.enum(providerIds)
const name = z.string().min(1).max(63)
// An image reference as an argv entry: never starting with "-" (it would read as a flag).
const imageRef = z
  .string()
  .max(300)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9./_:@-]*$/, 'must be an image reference like myapp:dev')
const k8sName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes object name')

function checked<T extends { provider: ProviderId; name: string }>(schema: z.ZodType<T>): z.ZodType<T> {
  return schema.superRefine((v, ctx) => {
    const problem = clusterNameProblem(v.provider, v.name)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['name'] })
  })
}

function onMinikube<T extends { name: string }>(schema: z.ZodType<T>): z.ZodType<T> {
  return schema.superRefine((v, ctx) => {
    const problem = clusterNameProblem('minikube', v.name)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['name'] })
  })
}

export const devLoopMethods = {
  /** The images this machine's container engine (docker, else podman) has. */
  'images.host': method<HostImages>()(z.strictObject({})),
  /** The images a cluster's nodes already hold. */
  'images.cluster': method<ClusterImages>()(checked(z.strictObject({ provider, name }))),
  /** Pods stuck in ErrImagePull/ImagePullBackOff, and whether the image is on this machine. */
  'images.waiting': method<WaitingPod[]>()(checked(z.strictObject({ provider, name }))),
  /** kind load docker-image / minikube image load / the sandbox's load, as a job with progress. */
  'images.load': method<JobInfo>()(checked(z.strictObject({ provider, name, image: imageRef }))),
  'addons.list': method<AddonInfo[]>()(onMinikube(z.strictObject({ name }))),
  'addons.set': method<JobInfo>()(
    onMinikube(z.strictObject({ name, addon: z.enum(minikubeAddons), enabled: z.boolean() })),
  ),
  'services.list': method<ServiceSummary[]>()(checked(z.strictObject({ provider, name }))),
  /** URLs that reach a Service from this machine, worked out from the cluster's shape. */
  'services.urls': method<ServiceUrls>()(
    checked(z.strictObject({ provider, name, namespace: k8sName, service: k8sName })),
  ),
  /** `minikube service NAME --url` as a job; its done event carries the URLs. */
  'services.minikubeUrl': method<JobInfo>()(
    onMinikube(z.strictObject({ name, namespace: k8sName, service: k8sName })),
  ),
}
