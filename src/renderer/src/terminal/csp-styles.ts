/**
 * xterm.js writes its row heights and theme colours into `<style>` elements it adds, and the CSP
 * (`style-src 'self'`, no 'unsafe-inline') rightly refuses those. Rather than loosen the policy for every page,
 * this copies what xterm writes into constructed stylesheets, which the CSP does not cover because no markup
 * can create them: only this code, for the terminal's own rules.
 */
export function mirrorInlineStyles(host: HTMLElement): () => void {
  const sheets = new Map<HTMLStyleElement, CSSStyleSheet>()
  const sync = (): void => {
    const present = new Set(host.querySelectorAll('style'))
    for (const [el, sheet] of sheets) {
      if (!present.has(el)) {
        sheets.delete(el)
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
      }
    }
    for (const el of present) {
      let sheet = sheets.get(el)
      if (!sheet) {
        sheet = new CSSStyleSheet()
        sheets.set(el, sheet)
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
      }
      sheet.replaceSync(el.textContent ?? '')
    }
  }
  const observer = new MutationObserver(sync)
  observer.observe(host, { subtree: true, childList: true, characterData: true })
  sync()
  return () => {
    observer.disconnect()
    const ours = new Set(sheets.values())
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !ours.has(s))
    sheets.clear()
  }
}
