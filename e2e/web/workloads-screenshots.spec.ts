import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

// `SKIFF_SCREENSHOTS=docs npx playwright test e2e/web/workloads-screenshots.spec.ts` refreshes the pictures in
// docs/screenshots; otherwise they land in the test's output folder.
const toDocs = process.env.SKIFF_SCREENSHOTS === 'docs'

test.describe('workloads screenshots', () => {
  const app = serveAppAround()

  test('Workloads with the detail open at 1024×700 and 1400×900, light and dark, fits without sideways scroll', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'demo', 10)
    kubectl(app.env, ['create', 'namespace', 'shop'])
    kubectl(app.env, ['-n', 'shop', 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'])
    kubectl(app.env, ['-n', 'shop', 'create', 'deployment', 'api', '--image=registry.example/doesnotexist:2'])
    kubectl(app.env, [
      '-n',
      'shop',
      'annotate',
      'deployment',
      'web',
      'kubernetes.io/change-cause=first release',
    ])
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Deployments' }).click()
    const grid = page.getByRole('grid', { name: /^Deployments/ })
    await expect(grid.locator('tr[data-key="shop/api"]')).toContainText('Degraded', { timeout: 20_000 })
    await expect(grid.locator('tr[data-key="shop/web"]')).toContainText('Available', { timeout: 20_000 })
    await grid.locator('tr[data-key="shop/web"]').getByText('web', { exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'web' }).getByText('first release')).toBeVisible()

    for (const [width, height] of [
      [1400, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height })
      const scroll = grid.locator('xpath=..')
      await expect.poll(() => scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
      // Names stay whole: the ReplicaSet's name sits on one line, not split at its hyphen.
      const owned = page.getByRole('dialog', { name: 'web' }).locator('.name-text', { hasText: /^web-/ })
      expect((await owned.boundingBox())!.height).toBeLessThan(24)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        const name = `workloads-detail-${width}-${scheme}.png`
        await page.screenshot({
          path: toDocs ? join('docs', 'screenshots', name) : testInfo.outputPath(name),
        })
      }
    }
  })
})
