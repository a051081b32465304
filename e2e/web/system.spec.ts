import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'

const app = serveAppAround()

function kubectlClientVersion(): string {
  const out = execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' })
  return (JSON.parse(out) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion
}

test('System panel reports the kubectl version kubectl itself prints', async ({ page }, testInfo) => {
  await page.goto(app.url)
  // The token moved out of the address bar (into this tab's memory and sessionStorage).
  await expect(page).toHaveURL(`${app.origin}/`)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'System' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'System' })).toBeVisible()
  const row = page
    .getByRole('table', { name: 'Tools on PATH' })
    .getByRole('row')
    .filter({ hasText: 'kubectl' })
  await expect(row.getByRole('cell').nth(1)).toHaveText(kubectlClientVersion())
  await expect(row).toContainText('Found')
  await page.screenshot({ path: testInfo.outputPath('system-light.png'), fullPage: true })

  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: testInfo.outputPath('system-dark.png'), fullPage: true })
})

test('every section is reachable from the sidebar by keyboard', async ({ page }) => {
  await page.goto(app.url)
  const nav = page.getByRole('navigation', { name: 'Sections' })
  for (const name of [
    'Overview',
    'Clusters',
    'Contexts',
    'Workloads',
    'Network',
    'Config',
    'Namespaces',
    'Nodes',
    'Events',
    'Apply YAML',
    'System',
  ]) {
    await nav.getByRole('link', { name }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page')
  }
})

test('without the token the page says it is not authorised, never "No context"', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(app.origin + '/')
  await expect(page.getByRole('alert')).toContainText('This session is no longer authorised')
  await expect(page.getByRole('alert')).toContainText(/open the address Skiff printed/i)
  await expect(page.getByRole('button', { name: /Context: Not authorised/ })).toBeVisible()
  await expect(page.getByText('No context', { exact: true })).toHaveCount(0)
  await context.close()
})
