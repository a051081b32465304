import { expect, test, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { fakesPath } from '../../test/fakes/path'

function withFakes(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: `${fakesPath()}:${process.env.PATH ?? ''}`, FAKE_STEP_DELAY_MS: '150', ...extra }
}

async function createCluster(page: Page, provider: RegExp, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: provider }).check()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog).toBeHidden()
}

test.describe('clusters', () => {
  const app = serveAppAround(withFakes({ FAKE_BACKING_SANDBOX: '1' }))

  test('one click makes a sandbox cluster that the real kubectl can use', async ({ page }, testInfo) => {
    await page.goto(app.url)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clusters' }).click()
    await expect(page.getByText('No clusters yet')).toBeVisible()
    await createCluster(page, /Sandbox/, 'demo')
    const job = page.getByRole('region', { name: /Create sandbox cluster “demo”/ })
    await expect(job.getByRole('status')).toContainText('Created sandbox cluster "demo"', { timeout: 30_000 })
    const row = page.getByRole('table', { name: 'Clusters' }).getByRole('row', { name: /demo/ })
    await expect(row).toContainText('running')
    await expect(row).toContainText('simulated')
    await expect(page.getByRole('button', { name: /Context: sandbox-demo/ })).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('clusters.png'), fullPage: true })

    expect(kubectl(app.env, ['config', 'current-context'])).toBe('sandbox-demo')
    expect(kubectl(app.env, ['get', 'nodes', '-o', 'name'])).toMatch(/^node\//)
  })

  test('kind create shows kind’s own steps, lists the cluster, and deletes it', async ({
    page,
  }, testInfo) => {
    await page.goto(app.url)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clusters' }).click()
    await expect(page.getByRole('group', { name: 'kind prerequisites' })).toContainText('ready')
    await createCluster(page, /kind/, 'k1')
    const job = page.getByRole('region', { name: /Create kind cluster “k1”/ })
    await expect(job.getByText('Ensuring node image')).toBeVisible({ timeout: 20_000 })
    await page.screenshot({ path: testInfo.outputPath('clusters-progress.png'), fullPage: true })
    await expect(job.getByRole('status')).toContainText('Created kind cluster "k1"', { timeout: 60_000 })
    await expect(
      page.getByRole('table', { name: 'Clusters' }).getByRole('row', { name: /k1/ }),
    ).toContainText('kind')
    expect(kubectl(app.env, ['config', 'current-context'])).toBe('kind-k1')

    await page.getByRole('button', { name: 'Delete k1' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete k1?' })
    await expect(confirm).toContainText('kind-k1')
    await confirm.getByRole('button', { name: 'Delete cluster' }).click()
    await expect(
      page.getByRole('region', { name: /Delete kind cluster “k1”/ }).getByRole('status'),
    ).toContainText('Deleted kind cluster "k1"', { timeout: 30_000 })
    await expect(page.getByRole('table', { name: 'Clusters' }).getByRole('row', { name: /k1/ })).toHaveCount(
      0,
    )
    expect(kubectl(app.env, ['config', 'get-contexts', '-o', 'name'])).not.toContain('kind-k1')
  })
})

test.describe('a failing create', () => {
  const app = serveAppAround(withFakes({ FAKE_KIND_FAIL_AT_STEP: '5' }))

  test('shows kind’s message and exit code, and keeps the full output', async ({ page }) => {
    await page.goto(app.url)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clusters' }).click()
    await createCluster(page, /kind/, 'broken')
    const job = page.getByRole('region', { name: /Create kind cluster “broken”/ })
    const alert = job.getByRole('alert')
    await expect(alert).toContainText('Failed', { timeout: 30_000 })
    await expect(alert).toContainText('Exit code 1')
    await expect(alert).not.toContainText(/at \S+ \(\S+:\d+:\d+\)/)
    await job.getByRole('button', { name: /Show output/ }).click()
    await expect(job.getByLabel('Command output')).toContainText('Creating cluster "broken"')
  })
})
