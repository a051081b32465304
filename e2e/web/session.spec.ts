import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { serveApp, serveAppToRelaunch, type ServedApp } from '../../test/e2e/serve'

// Issue #21 item 2 and #20 item 1: the credential never rides on a cookie (cookies ignore ports), so another
// server on 127.0.0.1 learns nothing, and two Skiffs side by side or a relaunch never lock each other out.
let a: ServedApp
let b: ServedApp
test.beforeAll(async () => {
  // a is relaunched on its port below: off the ephemeral range, which outgoing connections draw from meanwhile.
  ;[a, b] = await Promise.all([serveAppToRelaunch(), serveApp()])
})
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
})

async function showsSystem(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'System' }).click()
  await expect(
    page.getByRole('table', { name: 'Tools on PATH' }).getByRole('row').filter({ hasText: 'kubectl' }),
  ).toContainText('Found')
  await expect(page.getByRole('alert').filter({ hasText: 'no longer authorised' })).toHaveCount(0)
}

test('another server on 127.0.0.1 receives nothing of the token', async ({ browser }) => {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = []
  const spy: Server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other</title>other')
  })
  await new Promise<void>((r) => spy.listen(0, '127.0.0.1', () => r()))
  const spyOrigin = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(a.url)
    await showsSystem(page)
    // The same browser then visits the other local server, by navigation and from a second tab.
    await page.goto(`${spyOrigin}/after-skiff`)
    const other = await context.newPage()
    await other.goto(`${spyOrigin}/second-tab`)
    expect(seen.length).toBeGreaterThanOrEqual(2)
    const token = a.url.split('#token=')[1]!
    for (const r of seen) {
      expect(r.headers.cookie, r.url).toBeUndefined()
      expect(r.headers.authorization, r.url).toBeUndefined()
      expect(JSON.stringify(r), r.url).not.toContain(token)
    }
    expect((await context.cookies()).length).toBe(0)
  } finally {
    await context.close()
    await new Promise<void>((r) => spy.close(() => r()))
  }
})

test('two instances side by side in one browser both work, and survive a reload', async ({ browser }) => {
  const context = await browser.newContext()
  const pa = await context.newPage()
  const pb = await context.newPage()
  await pa.goto(a.url)
  await pb.goto(b.url)
  await showsSystem(pa)
  await showsSystem(pb)
  await pa.reload()
  await showsSystem(pa)
  await showsSystem(pb)
  await context.close()
})

test('a relaunch on the same port: the old tab says so, the new address works', async ({ browser }) => {
  const home = a.home
  const port = Number(new URL(a.url).port)
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(a.url)
  await showsSystem(page)
  await a.stop(true)
  a = await serveApp({}, { port, home })
  // The old tab's calls now carry the old token.
  await page.reload()
  await expect(page.getByRole('alert')).toContainText('This session is no longer authorised')
  await page.goto(a.url)
  await page.reload()
  await showsSystem(page)
  await context.close()
})
