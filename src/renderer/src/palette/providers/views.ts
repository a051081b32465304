import { sections } from '../../sections'
import { goToSection, sectionShortcut } from '../places'
import type { PaletteProvider } from '../types'

/** "Go to" every section of the sidebar, with its G-number shortcut. */
export const viewsProvider: PaletteProvider = {
  id: 'views',
  order: 20,
  useEntries: () =>
    sections.map((s, i) => {
      const shortcut = sectionShortcut(i)
      return {
        id: `view:${s.id}`,
        group: 'Go to',
        title: s.label,
        detail: s.summary,
        ...(shortcut ? { shortcut } : {}),
        run: () => goToSection(s.id),
      }
    }),
}
