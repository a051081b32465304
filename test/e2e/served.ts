import { test } from '@playwright/test'
import { serveApp, type ServedApp } from './serve'

/**
 * The app served around the tests of the enclosing describe block (or spec file): started before the first,
 * stopped after the last. The returned object reads through to the running app.
 */
export function serveAppAround(extraEnv: NodeJS.ProcessEnv = {}): ServedApp {
  let app: ServedApp | undefined
  test.beforeAll(async () => {
    app = await serveApp(extraEnv)
  })
  test.afterAll(async () => {
    await app?.stop()
  })
  const running = (): ServedApp => {
    if (!app) throw new Error('the app is served only while its tests run')
    return app
  }
  return {
    get url() {
      return running().url
    },
    get origin() {
      return running().origin
    },
    get home() {
      return running().home
    },
    get env() {
      return running().env
    },
    stop: (keepHome) => running().stop(keepHome),
  }
}
