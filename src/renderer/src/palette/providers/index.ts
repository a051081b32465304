import { registerPaletteProvider } from '../registry'
import { contextsProvider } from './contexts'
import { createProvider } from './create'
import { objectsProvider } from './objects'
import { selectionProvider } from './selection'
import { viewsProvider } from './views'
import { customObjectsProvider, kindsProvider } from '../../resources/generic/palette'

/** The built-in providers; a module that adds kinds registers its own beside these. */
export function registerBuiltInProviders(): void {
  for (const p of [
    selectionProvider,
    viewsProvider,
    kindsProvider,
    contextsProvider,
    createProvider,
    objectsProvider,
    customObjectsProvider,
  ])
    registerPaletteProvider(p)
}
