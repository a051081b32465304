import { api, tabAddress } from '../api/client'

/** The route a popped-out terminal's window or tab opens at; main.tsx shows only that terminal there. */
export const TERMINAL_ROUTE = /^#terminal(?:=([A-Za-z0-9_-]{32,64}))?$/

/**
 * Asks the backend to pop a session out. Electron: the backend opens the window itself. Web mode: this page
 * opens a tab that carries the single-use ticket (and the token, in the fragment, as the first page got it).
 */
export async function openOwnWindow(session: string): Promise<void> {
  const r = await api.call('exec.popout', { session })
  if (r.opened) return
  const tab = window.open(tabAddress(`terminal=${r.ticket}`), '_blank')
  if (!tab) throw new Error('The browser blocked the new tab. Allow pop-ups for this page, then try again.')
  tab.opener = null
}

/** The ticket in this page's address, if it is a popped-out terminal's page; drops it from the address. */
export function takeTerminalTicket(): { ticket?: string } | undefined {
  const m = TERMINAL_ROUTE.exec(window.location.hash)
  if (!m) return undefined
  // Good once: a reload must not present it again (the session ended with the page anyway).
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}#terminal`,
  )
  return m[1] ? { ticket: m[1] } : {}
}
