/**
 * Screenshots of Contexts and Clusters for docs/screenshots, at 1024×700 and 1400×900, light and dark:
 *   npx tsx -e "import('./test/e2e/global-setup.ts').then((m) => m.default())" && npx tsx test/e2e/take-screenshots.ts
 * (the first command builds the renderer and the backend the e2e suite serves, as its global setup does).
 * A throwaway HOME with a sandbox cluster, a second one, hand-added contexts (Docker Desktop, k3d, an EKS ARN)
 * and a few backups, so the pages look as they do for a person after the first hour.
 */
import { execFileSync } from 'node:child_process'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs, chromiumPath } from './chromium'
import { writeTwoContextKubeconfig } from './kubeconfig'
import { serveApp } from './serve'

const sizes = [
  { width: 1024, height: 700 },
  { width: 1400, height: 900 },
]

async function createSandbox(page: Page, name: string): Promise<void> {
  await page.evaluate("window.location.hash = '#clusters'")
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: /Sandbox/ }).check()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await page
    .getByRole('button', { name: `Context: sandbox-${name}. Switch context` })
    .waitFor({ timeout: 30_000 })
}

const app = await serveApp()
const kubectl = (args: string[]): string => execFileSync('kubectl', args, { env: app.env, encoding: 'utf8' })
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
try {
  writeTwoContextKubeconfig(app.env.KUBECONFIG!)
  const page = await browser.newPage({ viewport: sizes[1] })
  await page.goto(app.url)
  await createSandbox(page, 'demo')
  await createSandbox(page, 'staging')
  kubectl(['config', 'set-cluster', 'docker-desktop', '--server=https://127.0.0.1:9'])
  kubectl(['config', 'set-context', 'docker-desktop', '--cluster=docker-desktop', '--user=alpha-user'])
  kubectl(['config', 'set-context', 'k3d-dev', '--cluster=sandbox-demo', '--user=sandbox-demo'])
  const arn = 'arn:aws:eks:eu-west-1:123456789012:cluster/payments-production'
  kubectl([
    'config',
    'set-context',
    arn,
    '--cluster=beta-cluster',
    '--user=beta-user',
    '--namespace=payments',
  ])
  kubectl(['config', 'use-context', 'sandbox-demo'])
  await page.evaluate("window.location.hash = '#contexts'")
  await page.getByRole('table', { name: 'Contexts' }).getByRole('button', { name: 'Use alpha' }).click()
  await page
    .getByRole('table', { name: 'Contexts' })
    .getByRole('button', { name: 'Use sandbox-demo' })
    .click()
  await page.getByRole('button', { name: 'Context: sandbox-demo. Switch context' }).waitFor()

  for (const theme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      await page.setViewportSize(size)
      await page.evaluate(`localStorage.setItem('skiff.theme', '${theme}')`)
      for (const view of ['contexts', 'clusters'] as const) {
        // A reload applies the theme and clears the notices of the set-up steps.
        await page.goto(`${app.origin}/#${view}`)
        await page.reload()
        const table = page.getByRole('table', {
          name: view === 'contexts' ? 'Contexts' : 'Clusters',
          exact: true,
        })
        await table.waitFor()
        if (view === 'clusters') await page.getByRole('table', { name: 'Other local clusters' }).waitFor()
        const file = `docs/screenshots/${view}-${size.width}-${theme}.png`
        await page.screenshot({ path: file })
        console.log(file)
      }
    }
  }
} finally {
  await browser.close()
  await app.stop()
}
