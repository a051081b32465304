import { afterAll, beforeAll } from 'vitest'

/** happy-dom does no layout: give every element a 600 px tall box so the virtualizer has a window to fill. */
export function installFakeLayout(): void {
  const sizes = { offsetHeight: 600, offsetWidth: 1200, clientHeight: 600, clientWidth: 1200 }
  const saved = new Map<string, PropertyDescriptor | undefined>()
  beforeAll(() => {
    for (const [prop, value] of Object.entries(sizes)) {
      saved.set(prop, Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop))
      Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value })
    }
  })
  afterAll(() => {
    for (const [prop, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, prop, d)
  })
}
