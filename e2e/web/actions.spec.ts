import { readFileSync } from 'node:fs'
import { expect, test, type Locator } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

async function setImage(panel: Locator, image: string): Promise<void> {
  await panel.getByLabel('New image for nginx').fill(image)
  await panel.getByRole('button', { name: 'Set image' }).click()
}

test.describe('actions', () => {
  const app = serveAppAround()

  test('scale 2 → 5 with dots, two revisions, rollback from the timeline, logs searched and downloaded', async ({
    page,
  }, testInfo) => {
    const shot = (name: string): Promise<Buffer> => page.screenshot({ path: testInfo.outputPath(name) })
    const ns = ['-n', 'default']
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'act', 10)
    kubectl(app.env, [...ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Deployments' }).click()
    const row = page.getByRole('grid', { name: /^Deployments/ }).locator('tr[data-key="default/web"]')
    await expect(row.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('2')
    await row.getByText('web', { exact: true }).click()
    const panel = page.getByRole('dialog', { name: 'web' })
    await panel.getByRole('tab', { name: 'Scale & rollout' }).click()
    const dots = panel.getByRole('img', { name: /^Pods:/ })
    await expect(dots).toHaveAccessibleName('Pods: 2 running', { timeout: 15_000 })

    await panel.getByRole('spinbutton', { name: 'Replicas' }).fill('5')
    await panel.getByRole('spinbutton', { name: 'Replicas' }).press('Enter')
    await expect(page.getByRole('status').getByText('Scaled web to 5 replicas.')).toBeVisible()
    await expect(dots).toHaveAccessibleName('Pods: 5 running', { timeout: 15_000 })
    await expect(dots.locator('[data-state="running"]')).toHaveCount(5)
    await expect(row.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('5')
    expect(kubectl(app.env, [...ns, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('5')
    await shot('scaled-light.png')

    // Two new revisions through the UI (each records its change-cause), then back to revision 1.
    await setImage(panel, 'nginx:1.28')
    await expect(panel.getByRole('list', { name: 'Revisions' }).getByText('Revision 2')).toBeVisible()
    await setImage(panel, 'nginx:1.29')
    const timeline = panel.getByRole('list', { name: 'Revisions' })
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Revision 3' })).toContainText('current')
    const first = timeline.getByRole('listitem').filter({ hasText: 'Revision 1' })
    await first.getByRole('button', { name: 'Roll back to this revision' }).click()
    const confirm = page.getByRole('dialog', { name: 'Roll back web to revision 1?' })
    await expect(confirm.locator('.diff-line.removed', { hasText: 'nginx:1.29' })).toBeVisible()
    await expect(confirm.locator('.diff-line.added', { hasText: 'nginx:1.27' })).toBeVisible()
    await shot('rollback-confirm-light.png')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot('rollback-confirm-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })
    await confirm.getByRole('button', { name: 'Roll back to revision 1' }).click()
    await expect(page.getByRole('status').getByText('Rolled web back to revision 1.')).toBeVisible()
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Revision 4' })).toContainText('current')

    expect(
      kubectl(app.env, [
        ...ns,
        'get',
        'deploy',
        'web',
        '-o',
        'jsonpath={.spec.template.spec.containers[0].image}',
      ]),
    ).toBe('nginx:1.27')
    const history = kubectl(app.env, [...ns, 'rollout', 'history', 'deployment/web'])
    const revisions = history
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/)[0])
    expect(revisions).toEqual(['2', '3', '4'])
    await expect(dots).toHaveAccessibleName('Pods: 5 running', { timeout: 30_000 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot('rolled-back-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })

    await panel.getByRole('tab', { name: 'Logs' }).click()
    const log = panel.getByRole('log', { name: 'Logs of deployment web' })
    await expect(log).toContainText('GET', { timeout: 15_000 })
    await panel.getByLabel('Search logs').fill('GET')
    await expect(log.locator('mark').first()).toHaveText(/get/i)
    await expect(panel.getByText(/^\d+ of [\d,]+$/).or(panel.getByText(/^0 of [\d,]+$/))).toBeVisible()
    await shot('logs-light.png')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot('logs-dark.png')
    // A match far above the followed bottom is scrolled into view; "Jump to latest" goes back down.
    await panel.getByRole('button', { name: 'Next match' }).click()
    await expect(log.locator('.log-line.active')).toBeInViewport()
    await panel.getByRole('button', { name: /Jump to latest/ }).click()
    await expect(log.locator('.log-line').last()).toBeInViewport()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('web.log')
    const file = testInfo.outputPath('web.log')
    await download.saveAs(file)
    const text = readFileSync(file, 'utf8')
    expect(text.length).toBeGreaterThan(0)
    expect(text).toContain('GET')
  })
})
