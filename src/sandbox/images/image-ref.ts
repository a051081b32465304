// Image references as containerd sees them: "nginx" is docker.io/library/nginx:latest.
export interface ImageRef {
  /** registry host, e.g. docker.io, registry.k8s.io, localhost:5001 */
  registry: string
  /** path without the registry, e.g. library/nginx */
  path: string
  /** tag, or undefined when the reference pins a digest */
  tag?: string
  digest?: string
  /** the full normalized name, e.g. docker.io/library/nginx:latest */
  full: string
}

export function parseImageRef(image: string): ImageRef {
  const [nameAndTag = '', digest] = image.split('@')
  const slash = nameAndTag.indexOf('/')
  const first = slash >= 0 ? nameAndTag.slice(0, slash) : ''
  // The first component is a registry only if it looks like a host (has '.' or ':' or is localhost).
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')
  const registry = hasRegistry ? first : 'docker.io'
  let rest = hasRegistry ? nameAndTag.slice(slash + 1) : nameAndTag
  const colon = rest.lastIndexOf(':')
  let tag: string | undefined
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  if (!tag && !digest) tag = 'latest'
  const path = registry === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest
  const full = `${registry}/${path}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`
  return { registry, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}), full }
}

/** kubelet's default pull policy: Always for :latest or an untagged name, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageRef(image)
  return !ref.digest && ref.tag === 'latest' ? 'Always' : 'IfNotPresent'
}
