import type { ITheme } from '@xterm/xterm'

/** The terminal's colours from the page's theme variables, so it follows light and dark. */
export function terminalTheme(): ITheme {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback
  const dark = css.colorScheme.includes('dark') && !css.colorScheme.includes('light')
  const surface = v('--surface', '#ffffff')
  return {
    background: surface,
    foreground: v('--text', '#1b1f24'),
    cursor: v('--accent', '#1d4ed8'),
    cursorAccent: surface,
    selectionBackground: dark ? '#36507a' : '#bcd0f7',
  }
}

/** Calls `apply` whenever the theme changes (the switch sets `data-theme`; the system setting can change). */
export function onThemeChange(apply: () => void): () => void {
  const observer = new MutationObserver(apply)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  media.addEventListener('change', apply)
  return () => {
    observer.disconnect()
    media.removeEventListener('change', apply)
  }
}
