import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { appUrlMatcher } from './app-url'
import { CSP } from '../transport/http'

describe('window security', () => {
  it('the shell creates its window isolated: context isolation, sandbox, no Node', () => {
    // The shell imports electron, so it is read as text here; e2e/electron checks the live window.
    const shell = readFileSync('src/main/shell/window.ts', 'utf8')
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
    ]) {
      expect(shell).toContain(setting)
    }
    expect(shell).toContain('setWindowOpenHandler')
    expect(shell).toContain("'will-navigate'")
  })

  it('treats only the app page itself as the app', () => {
    const isApp = appUrlMatcher('file:///opt/skiff/out/renderer/index.html')
    expect(isApp('file:///opt/skiff/out/renderer/index.html#contexts')).toBe(true)
    expect(isApp('file:///opt/skiff/out/renderer/other.html')).toBe(false)
    expect(isApp('https://evil.example/')).toBe(false)
    expect(isApp('file:///etc/passwd')).toBe(false)
  })

  it('ships a strict CSP in the page and in web mode: no unsafe-eval, no unsafe-inline, no remote sources', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    for (const policy of [meta!, CSP]) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*|http:|https:/)
      expect(policy).toMatch(/default-src 'self'/)
      expect(policy).toMatch(/object-src 'none'/)
    }
  })
})
