import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { mirrorInlineStyles } from './csp-styles'
import { onThemeChange, terminalTheme } from './xterm-theme'

// Loaded by dynamic import only when a person opens a terminal, so xterm.js adds nothing to first paint.

export interface XtermView {
  /** Moves the terminal into a view's box (the first time, opens it there) and fits it. */
  mount(container: HTMLElement): { cols: number; rows: number }
  write(text: string): void
  /** Clears the screen and scrollback (before a taken-over session's recent output is written again). */
  reset(): void
  /** Fits the terminal to its box; returns its size in cells. */
  fit(): { cols: number; rows: number }
  focus(): void
  onData(handler: (data: string) => void): void
  onResize(handler: (size: { cols: number; rows: number }) => void): void
  selection(): string
  dispose(): void
}

export const SCROLLBACK = 10_000

export function createXterm(): XtermView {
  const element = document.createElement('div')
  element.className = 'terminal-host'
  const unmirror = mirrorInlineStyles(element)
  const term = new Terminal({
    scrollback: SCROLLBACK,
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
    fontSize: 13,
    cursorBlink: true,
    theme: terminalTheme(),
  })
  const fit = new FitAddon()
  term.loadAddon(fit)
  let opened = false
  const unwatch = onThemeChange(() => (term.options.theme = terminalTheme()))
  // Copy and paste as terminals do it: Ctrl+Shift+C / Ctrl+Shift+V (Ctrl+C stays the interrupt key).
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true
    if (e.code === 'KeyC' && term.hasSelection()) {
      void navigator.clipboard.writeText(term.getSelection())
      return false
    }
    if (e.code === 'KeyV') {
      // Chromium pastes on Ctrl+Shift+V itself (paste as plain text, into xterm's textarea, which sends it to
      // the shell in order with the keys around it); a paste of our own as well sent the text twice, the second
      // time late, after an Enter typed right after it. Here xterm only must not send ^V.
      return false
    }
    return true
  })
  const size = (): { cols: number; rows: number } => {
    if (element.isConnected && element.clientWidth > 0) fit.fit()
    return { cols: term.cols, rows: term.rows }
  }
  return {
    mount(container) {
      if (element.parentElement !== container) container.appendChild(element)
      // xterm measures its cells when it opens, so it opens once it is in the page.
      if (!opened) term.open(element)
      opened = true
      return size()
    },
    write: (text) => term.write(text),
    reset: () => term.reset(),
    fit: size,
    focus: () => term.focus(),
    onData: (handler) => void term.onData(handler),
    onResize: (handler) => void term.onResize(handler),
    selection: () => term.getSelection(),
    dispose() {
      unwatch()
      term.dispose()
      unmirror()
    },
  }
}
