import type { ImageRef } from './image-ref'

// Images the sandbox treats as pullable from a public registry without anything loaded: Docker Hub's
// official images a tutorial uses, and the public registries Kubernetes' own images live in.
const OFFICIAL = new Set([
  'alpine',
  'busybox',
  'caddy',
  'debian',
  'golang',
  'haproxy',
  'httpd',
  'mariadb',
  'memcached',
  'mongo',
  'mysql',
  'nats',
  'nginx',
  'node',
  'postgres',
  'python',
  'rabbitmq',
  'redis',
  'registry',
  'traefik',
  'ubuntu',
  'wordpress',
  'hello-world',
])

const PUBLIC_REGISTRIES = new Set([
  'registry.k8s.io',
  'k8s.gcr.io',
  'gcr.io',
  'quay.io',
  'ghcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
])

export function isWellKnownPublic(ref: ImageRef): boolean {
  if (PUBLIC_REGISTRIES.has(ref.registry)) return true
  return ref.registry === 'docker.io' && ref.path.startsWith('library/') && OFFICIAL.has(ref.path.slice(8))
}
