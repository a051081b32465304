import { expect, test, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

async function showNamespace(page: Page, namespace: string): Promise<void> {
  await page.getByLabel(/^Namespaces: /).click()
  await page
    .getByRole('group', { name: 'Namespaces to show' })
    .getByRole('checkbox', { name: namespace })
    .check()
  await page.keyboard.press('Escape')
  await page.mouse.click(5, 5)
}

test.describe('resources', () => {
  const app = serveAppAround()

  test('pods in demo: label filter, owner links to the Deployment, a secret revealed, a deletion seen live', async ({
    page,
  }, testInfo) => {
    await page.goto(app.url)
    await createSandboxCluster(page, 'res')
    kubectl(app.env, ['create', 'namespace', 'demo'])
    kubectl(app.env, ['-n', 'demo', 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])
    kubectl(app.env, ['-n', 'demo', 'create', 'deployment', 'api', '--image=httpd:2.4'])
    kubectl(app.env, [
      '-n',
      'demo',
      'create',
      'secret',
      'generic',
      'creds',
      '--from-literal=password=s3cr3t-42',
    ])

    const sections = page.getByRole('navigation', { name: 'Sections' })
    await sections.getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Pods' }).click()
    await showNamespace(page, 'demo')
    const table = page.getByRole('grid', { name: 'Pods in demo' })
    await expect(table.getByRole('row', { name: /^web-/ })).toHaveCount(2, { timeout: 30_000 })
    await expect(table.getByRole('row', { name: /^api-/ })).toHaveCount(1)
    await expect(table.getByRole('row', { name: /^web-/ }).first()).toContainText('Running', {
      timeout: 15_000,
    })

    await page.getByLabel('Label selector').fill('app=web')
    await expect(table.getByRole('row', { name: /^api-/ })).toHaveCount(0)
    await expect(table.getByRole('row', { name: /^web-/ })).toHaveCount(2)
    await expect(page.getByText('2 of 3')).toBeVisible()

    const firstPod = table.getByRole('row', { name: /^web-/ }).first()
    const podName = ((await firstPod.getAttribute('data-key')) ?? '').replace('demo/', '')
    expect(podName).toMatch(/^web-/)
    await firstPod.click()
    const panel = page.getByRole('dialog', { name: podName })
    await expect(panel.getByText('Controlled by')).toBeVisible()
    await expect(panel.getByText('Up to date')).toHaveCount(0)
    await expect(panel.getByText(/Running, started \d+s ago/)).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('pods-light.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: testInfo.outputPath('pods-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })

    await panel.getByRole('button', { name: /^ReplicaSet web-/ }).click()
    const rsPanel = page.getByRole('dialog', { name: /^web-[a-z0-9]+$/ })
    await expect(rsPanel.getByText('ReplicaSet · demo')).toBeVisible()
    await rsPanel.getByRole('tab', { name: 'Scale' }).click()
    await expect(rsPanel.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('2')
    await rsPanel.getByRole('tab', { name: 'Summary' }).click()
    await rsPanel.getByRole('button', { name: 'Deployment web' }).click()
    const deployPanel = page.getByRole('dialog', { name: 'web' })
    await expect(deployPanel.getByText('Deployment · demo')).toBeVisible()
    await expect(deployPanel.getByText('Up to date')).toBeVisible()
    await expect(deployPanel.getByText('upToDate')).toHaveCount(0)
    await page.screenshot({ path: testInfo.outputPath('deployment-summary-light.png') })
    await deployPanel.getByRole('button', { name: 'Close details (Esc)' }).click()

    // Deleted with kubectl: the row goes without a reload; the ReplicaSet's replacement appears.
    kubectl(app.env, ['-n', 'demo', 'delete', 'pod', podName, '--wait=false'])
    await expect(table.getByRole('row', { name: new RegExp(`^${podName}`) })).toHaveCount(0, {
      timeout: 15_000,
    })
    await expect(table.getByRole('row', { name: /^web-/ })).toHaveCount(2)

    // The other pod: its log, then a delete from the panel with a grace period of 0.
    const other = table.getByRole('row', { name: /^web-/ }).first()
    const otherName = ((await other.getAttribute('data-key')) ?? '').replace('demo/', '')
    await other.click()
    const otherPanel = page.getByRole('dialog', { name: otherName })
    await otherPanel.getByRole('tab', { name: 'Logs' }).click()
    await expect(otherPanel.getByRole('log', { name: `Logs of ${otherName}` })).toContainText('nginx', {
      timeout: 15_000,
    })
    await otherPanel.getByRole('button', { name: 'Delete' }).click()
    const confirm = page.getByRole('dialog', { name: `Delete pod ${otherName}?` })
    await confirm.getByRole('checkbox', { name: 'Set a grace period' }).check()
    await confirm.getByLabel('Grace period in seconds').fill('0')
    await confirm.getByRole('button', { name: 'Delete pod' }).click()
    await expect(page.getByRole('status').getByText(`Deleted pod ${otherName}.`)).toBeVisible()
    await expect(otherPanel).toBeHidden()
    await expect(table.getByRole('row', { name: new RegExp(`^${otherName}`) })).toHaveCount(0, {
      timeout: 15_000,
    })
    expect(kubectl(app.env, ['-n', 'demo', 'get', 'pods', '-o', 'name'])).not.toContain(otherName)

    await sections.getByRole('link', { name: 'Config' }).click()
    await page.getByRole('tab', { name: 'Secrets' }).click()
    await page
      .getByRole('grid', { name: 'Secrets in demo' })
      .getByRole('row', { name: /^creds/ })
      .click()
    const secret = page.getByRole('dialog', { name: 'creds' })
    await expect(secret.getByLabel('password is hidden')).toBeVisible()
    await secret.getByRole('button', { name: 'Reveal password' }).click()
    await expect(secret.getByLabel('Value of password')).toHaveText('s3cr3t-42')
    await page.screenshot({ path: testInfo.outputPath('secret-light.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: testInfo.outputPath('secret-dark.png') })
  })
})
