// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { showBootFailure } from './boot-failure'

describe('the app chunk could not load', () => {
  it('says so in plain words, replacing whatever the root held, with a focused Reload button', () => {
    const root = document.createElement('div')
    root.append(document.createElement('span'))
    document.body.append(root)
    showBootFailure(
      root,
      new TypeError('Failed to fetch dynamically imported module: /assets/render-app.js.'),
    )
    const alert = root.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('Skiff could not start')
    expect(alert?.textContent).toContain('Failed to fetch dynamically imported module')
    expect(alert?.textContent).toContain('Reloading the page usually helps.')
    expect(root.querySelector('span')).toBeNull()
    const reload = root.querySelector('button')
    expect(reload?.textContent).toBe('Reload')
    expect(document.activeElement).toBe(reload)
    const spy = vi.fn()
    vi.stubGlobal('location', { ...window.location, reload: spy })
    reload?.click()
    expect(spy).toHaveBeenCalledOnce()
    vi.unstubAllGlobals()
  })
})
