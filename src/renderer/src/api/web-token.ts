/**
 * Web mode's credential. Skiff prints `http://127.0.0.1:PORT/#token=…`: a fragment is never sent to a server
 * (nor in a Referer), so the token lives only in this page. It is kept in memory and in sessionStorage, which
 * is per origin (scheme, host AND port) and per tab, so a reload keeps working while no other server on
 * 127.0.0.1, and no other Skiff on another port, can read it. Cookies would reach every port.
 */
const KEY = 'skiff.token'

export interface TokenSource {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>
  storage?: Pick<Storage, 'getItem' | 'setItem'>
  /** Drops the token from the address bar (history.replaceState). */
  replaceUrl?: (url: string) => void
}

/** Reads the token from `#token=…` (then removes it from the address) or, after a reload, from sessionStorage. */
export function takeWebToken(src: TokenSource): string | undefined {
  const m = /^#token=([\w-]+)(?:[#&](.*))?$/.exec(src.location.hash)
  if (m?.[1]) {
    try {
      src.storage?.setItem(KEY, m[1])
    } catch {
      // Storage disabled: the token still works until the page is reloaded.
    }
    const rest = m[2] ? `#${m[2]}` : ''
    src.replaceUrl?.(src.location.pathname + src.location.search + rest)
    return m[1]
  }
  try {
    return src.storage?.getItem(KEY) ?? undefined
  } catch {
    return undefined
  }
}

/** The browser's token, read once when the web bridge is created. */
export function browserWebToken(): string | undefined {
  return takeWebToken({
    location: window.location,
    storage: window.sessionStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  })
}
