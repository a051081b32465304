import { parseImageRef } from './image-ref'
import { PullChaos } from './pull-chaos'

/**
 * What the sandbox's nodes hold: images loaded into it (`kind load docker-image` in kind's world), and
 * images known to exist only on the host (its container engine's list), which no registry serves.
 */
export class LocalImages {
  private readonly loaded = new Set<string>()
  private readonly hostOnly = new Set<string>()
  private readonly listeners = new Set<(image: string) => void>()
  /** The registry's simulated trouble (Break it): slow or failing pulls. Not saved: a restart lifts it. */
  readonly pulls = new PullChaos()

  load(image: string): void {
    const full = parseImageRef(image).full
    this.loaded.add(full)
    this.hostOnly.add(full)
    for (const l of this.listeners) l(full)
  }

  /** Images the host's engine has: pods using them wait for a load unless a public registry has them. */
  setHostImages(images: string[]): void {
    for (const i of images) this.hostOnly.add(parseImageRef(i).full)
  }

  isLoaded(image: string): boolean {
    return this.loaded.has(parseImageRef(image).full)
  }

  isHostOnly(image: string): boolean {
    return this.hostOnly.has(parseImageRef(image).full)
  }

  list(): string[] {
    return [...this.loaded].sort()
  }

  onLoad(listener: (image: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  toJSON(): { loaded: string[]; hostOnly: string[] } {
    return { loaded: [...this.loaded], hostOnly: [...this.hostOnly] }
  }

  static from(saved: { loaded?: string[]; hostOnly?: string[] } | undefined): LocalImages {
    const images = new LocalImages()
    const strings = (v: unknown): string[] =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
    for (const i of strings(saved?.hostOnly)) images.hostOnly.add(i)
    for (const i of strings(saved?.loaded)) images.loaded.add(i)
    return images
  }
}
