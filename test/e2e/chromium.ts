/** Debian's Chromium; Playwright's own browser download is impossible offline. */
export const chromiumPath = process.env.SKIFF_CHROMIUM ?? '/usr/bin/chromium'

/** Flags that keep headless Chromium from reaching for the (closed) network; see DESIGN.md. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
