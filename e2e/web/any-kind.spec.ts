import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'
import { WIDGET_CRD } from '../../test/fixtures/crd'

// `SKIFF_SCREENSHOTS=docs npx playwright test e2e/web/any-kind.spec.ts` puts the pictures in docs/screenshots.
const kinds = (page: Page) => page.getByRole('navigation', { name: 'Resources by kind' })

function apply(env: NodeJS.ProcessEnv, doc: object): void {
  execFileSync('kubectl', ['apply', '-f', '-'], { env, input: JSON.stringify(doc), encoding: 'utf8' })
}

test.describe('every kind the cluster serves', () => {
  const app = serveAppAround()

  test('opens kinds without a dedicated view, follows an owner link, finds a custom object in the palette', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'kinds', 10)
    const guide = page.getByRole('complementary', { name: 'Guided first run' })
    await expect(guide).toContainText('0/6 done')
    const accessControl = kinds(page).locator('summary', { hasText: 'Access control' })
    const before = await accessControl.boundingBox()
    kubectl(app.env, ['create', 'deployment', 'web', '--image=nginx:1.27'])
    kubectl(app.env, ['expose', 'deployment', 'web', '--port=80'])
    // The guide changes size as it advances; nothing in the kinds' list moves under the pointer for it.
    await expect(guide).toContainText('1/6 done')
    expect(await accessControl.boundingBox()).toEqual(before)

    // A built-in kind from discovery: ServiceAccounts under Access control, with kubectl's columns.
    await accessControl.click()
    await kinds(page).getByRole('link', { name: 'ServiceAccounts' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'ServiceAccounts' })).toBeVisible()
    const accounts = page.getByRole('grid', { name: /^ServiceAccount objects/ })
    await expect(accounts.locator('tr[data-key="default/default"]')).toBeVisible()
    await expect(accounts.getByRole('columnheader', { name: 'Name', exact: true })).toBeVisible()

    // An EndpointSlice is owned by its Service: the owner link leads to the Service in its dedicated view.
    await kinds(page).locator('summary', { hasText: 'Network' }).click()
    await kinds(page).getByRole('link', { name: 'EndpointSlices' }).click()
    const slices = page.getByRole('grid', { name: /^EndpointSlice objects/ })
    const slice = slices.locator('tr[data-key^="default/web"]')
    await expect(slice).toBeVisible()
    await slice.locator('.cell-name').click()
    const panel = page.getByRole('dialog', { name: /^web/ })
    await expect(panel.getByText('Controlled by')).toBeVisible()
    await panel.getByRole('button', { name: /Service web/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible()
    await expect(page.getByRole('dialog', { name: 'web' }).getByText('Service · default')).toBeVisible()

    // A CRD created with kubectl appears in the sidebar without a reload; its objects list with printer columns.
    apply(app.env, WIDGET_CRD)
    apply(app.env, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'blue-widget', namespace: 'default' },
      spec: { color: 'blue', replicas: 2 },
    })
    await kinds(page).locator('summary', { hasText: 'example.com' }).click()
    await kinds(page).getByRole('link', { name: 'Widgets' }).click()
    const widgets = page.getByRole('grid', { name: /^Widget objects/ })
    await expect(widgets.locator('tr[data-key="default/blue-widget"]')).toContainText('blue')
    await expect(widgets.getByRole('columnheader', { name: 'Color' })).toBeVisible()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      const name = `any-kind-${scheme}.png`
      await page.screenshot({
        path:
          process.env.SKIFF_SCREENSHOTS === 'docs'
            ? join('docs', 'screenshots', name)
            : testInfo.outputPath(name),
      })
    }

    // The palette: `:sa` jumps to a kind, a name finds a custom object and opens it.
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: /command/i })
    await palette.getByRole('combobox').fill(':sa')
    await palette
      .getByRole('option', { name: /ServiceAccounts/ })
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'ServiceAccounts' })).toBeVisible()
    await page.keyboard.press('Control+k')
    await palette.getByRole('combobox').fill('blue-wid')
    await palette.getByRole('option', { name: /blue-widget/ }).click()
    const widget = page.getByRole('dialog', { name: 'blue-widget' })
    await expect(widget.getByText('Widget · default')).toBeVisible()
    await widget.getByRole('tab', { name: 'YAML' }).click()
    await expect(widget.locator('pre.yaml')).toContainText('color: blue')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      const name = `any-kind-detail-${scheme}.png`
      await page.screenshot({
        path:
          process.env.SKIFF_SCREENSHOTS === 'docs'
            ? join('docs', 'screenshots', name)
            : testInfo.outputPath(name),
      })
    }
  })
})
