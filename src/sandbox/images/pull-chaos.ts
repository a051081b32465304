import { parseImageRef } from './image-ref'

// Break it for image pulls: the registry made slow or unreachable on purpose, for one image or for all, until
// lifted. Only new pulls feel it (a pod already running keeps its image), as with a real registry outage.

export type PullTrouble = { mode: 'slow'; seconds: number } | { mode: 'fail' }

export interface PullRule {
  /** The image as asked for; undefined: every image. */
  image?: string
  trouble: PullTrouble
}

const ALL = '*'

export class PullChaos {
  private readonly rules = new Map<string, PullRule>()

  set(image: string | undefined, trouble: PullTrouble): void {
    this.rules.set(image ? parseImageRef(image).full : ALL, { ...(image ? { image } : {}), trouble })
  }

  /** Lifts the rule for one image (or the one for all images); true when there was one. */
  lift(image: string | undefined): boolean {
    return this.rules.delete(image ? parseImageRef(image).full : ALL)
  }

  /** What a pull of this image meets now: its own rule first, then the one for all images. */
  troubleFor(image: string): PullTrouble | undefined {
    return (this.rules.get(parseImageRef(image).full) ?? this.rules.get(ALL))?.trouble
  }

  list(): PullRule[] {
    return [...this.rules.values()]
  }
}

/** containerd's error when the registry cannot be reached, as the kubelet reports it in a Failed event. */
export function unreachableMessage(image: string): string {
  const ref = parseImageRef(image)
  const host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry
  const manifest = `https://${host}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? 'latest'}`
  return `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": failed to do request: Head "${manifest}": dial tcp: lookup ${host}: i/o timeout`
}
