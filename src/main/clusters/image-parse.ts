import type { HostImage } from '@shared/contract/dev-loop'

// Parsers for the image lists the tools print. Each skips what it cannot read rather than failing the list.
function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

function jsonOr(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `docker images --format json`: one object per line (Repository, Tag, ID, Size, CreatedSince…). */
export function parseDockerImages(stdout: string): HostImage[] {
  const out: HostImage[] = []
  for (const line of stdout.split('\n')) {
    const row = record(jsonOr(line.trim()))
    const repo = str(row?.Repository)
    const tag = str(row?.Tag)
    const id = str(row?.ID)
    // Dangling images (<none>:<none>) cannot be named, so they cannot be loaded anywhere.
    if (!row || !repo || !tag || !id || repo === '<none>' || tag === '<none>') continue
    const image: HostImage = { ref: `${repo}:${tag}`, id }
    const size = str(row.Size)
    const created = str(row.CreatedSince)
    if (size) image.size = size
    if (created) image.created = created
    out.push(image)
  }
  return out
}

function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB']
  let n = bytes
  let u = 0
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000
    u++
  }
  return `${n >= 10 || u === 0 ? Math.round(n) : n.toFixed(1)}${units[u]}`
}

/** `podman images --format json`: one array; each image has Id and Names (full references). */
export function parsePodmanImages(stdout: string): HostImage[] {
  const list = jsonOr(stdout)
  if (!Array.isArray(list)) return []
  return list.flatMap((item): HostImage[] => {
    const row = record(item)
    const id = str(row?.Id)?.slice(0, 12)
    const names = Array.isArray(row?.Names) ? row.Names.filter((n): n is string => typeof n === 'string') : []
    if (!row || !id) return []
    return names.map((ref) => {
      // podman names carry their registry ("localhost/app:dev", "docker.io/library/nginx:1.27").
      const image: HostImage = { ref, id }
      if (typeof row.Size === 'number') image.size = humanSize(row.Size)
      return image
    })
  })
}

/** `minikube image ls --format json`: [{id, repoDigests, repoTags, size}] merged over the nodes. */
export function parseMinikubeImages(stdout: string): string[] {
  const list = jsonOr(stdout.trim())
  if (!Array.isArray(list)) return []
  return list.flatMap((item) => {
    const tags = record(item)?.repoTags
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []
  })
}

/** `crictl images -o json` inside a kind node: {"images":[{id, repoTags, …}]}. */
export function parseCrictlImages(stdout: string): string[] {
  const images = record(jsonOr(stdout))?.images
  if (!Array.isArray(images)) return []
  return images.flatMap((item) => {
    const tags = record(item)?.repoTags
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []
  })
}
