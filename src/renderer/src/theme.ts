export type ThemeChoice = 'system' | 'light' | 'dark'

const KEY = 'skiff.theme'

export function storedTheme(): ThemeChoice {
  const v = localStorage.getItem(KEY)
  return v === 'light' || v === 'dark' ? v : 'system'
}

/** `system` leaves the attribute off so the CSS follows prefers-color-scheme. */
export function applyTheme(choice: ThemeChoice): void {
  localStorage.setItem(KEY, choice)
  if (choice === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = choice
}

export function applyStoredTheme(): void {
  applyTheme(storedTheme())
}
