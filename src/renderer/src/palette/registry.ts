import type { PaletteProvider } from './types'

const providers: PaletteProvider[] = []

/** Adds a provider (once per id); call at module load, before the app renders. */
export function registerPaletteProvider(provider: PaletteProvider): void {
  if (providers.some((p) => p.id === provider.id)) return
  providers.push(provider)
  providers.sort((a, b) => a.order - b.order)
}

export function paletteProviders(): readonly PaletteProvider[] {
  return providers
}
