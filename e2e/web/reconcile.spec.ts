import { expect, test } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

test.describe('reconcile view', () => {
  const app = serveAppAround()

  test('scale 3 → 5 adds two dots and their story; a pod killed from Break it is replaced and explained', async ({
    page,
  }, testInfo) => {
    const shot = (name: string): Promise<Buffer> => page.screenshot({ path: testInfo.outputPath(name) })
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'rec')
    kubectl(app.env, ['-n', 'default', 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'])

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Deployments' }).click()
    const row = page.getByRole('grid', { name: /^Deployments/ }).locator('tr[data-key="default/web"]')
    await row.getByText('web', { exact: true }).click()
    const panel = page.getByRole('dialog', { name: 'web' })
    await panel.getByRole('tab', { name: 'Reconcile' }).click()

    const graph = panel.getByLabel('Owner graph')
    // The dots are drawn on a canvas per ReplicaSet whose accessible name counts them by state; the pods' names
    // are in Break it's list (and in each dot's tooltip).
    const breakIt = panel.getByRole('region', { name: 'Break it (simulated)' })
    const podNames = (): Promise<string[]> =>
      breakIt.getByRole('combobox', { name: 'Pod' }).locator('option').allTextContents()
    await expect(graph.getByRole('img', { name: /^web-\w+: 3 running$/ })).toBeVisible({ timeout: 30_000 })
    await expect(panel.getByText('Desired and observed agree: nothing to do.')).toBeVisible()
    const before = await podNames()

    await panel.getByRole('spinbutton', { name: 'Replicas' }).fill('5')
    await panel.getByRole('spinbutton', { name: 'Replicas' }).press('Enter')
    await expect(graph.getByRole('img', { name: /^web-\w+: 5 running$/ })).toBeVisible({ timeout: 30_000 })
    const after = await podNames()
    const added = after.filter((p) => !before.includes(p))
    expect(added).toHaveLength(2)
    const timeline = panel.getByRole('list', { name: 'Timeline' })
    await expect(timeline.getByText('replicas changed 3 → 5')).toBeVisible()
    await expect(timeline.getByText(/scaled up ReplicaSet web-\w+: 3 → 5/)).toBeVisible()
    for (const pod of added) {
      await expect(timeline.getByText(`created pod ${pod}`)).toBeAttached()
      await expect(timeline.getByText(new RegExp(`bound ${pod} to node`))).toBeAttached()
      await expect(timeline.getByText(`readiness passed: ${pod} is Ready`)).toBeAttached()
    }
    await shot('reconcile-scaled-light.png')

    // Break it: pick a pod in the graph (the first dot is the first pod by name), kill it, and watch the
    // ReplicaSet controller replace it.
    await expect(breakIt.getByText('simulated', { exact: true })).toBeVisible()
    const victim = [...after].sort()[0] ?? ''
    await graph.getByRole('img', { name: /^web-\w+: 5 running$/ }).click({ position: { x: 5, y: 5 } })
    await expect(breakIt.getByRole('combobox', { name: 'Pod' })).toHaveValue(victim)
    await breakIt.getByRole('button', { name: 'Kill pod' }).click()
    await expect(page.getByRole('status').getByText(`Killed pod ${victim} (simulated).`)).toBeVisible()
    await expect(timeline.getByText(`Killed pod ${victim} (simulated).`)).toBeAttached()
    await expect(timeline.getByText(`pod ${victim} is gone`)).toBeAttached()
    await expect.poll(podNames, { timeout: 30_000 }).not.toContain(victim)
    await expect(graph.getByRole('img', { name: /^web-\w+: 5 running$/ })).toBeVisible({ timeout: 30_000 })
    const healed = await podNames()
    const replacement = healed.find((p) => !after.includes(p)) ?? ''
    expect(replacement).not.toBe('')
    await expect(timeline.getByText(`created pod ${replacement}`)).toBeAttached()
    await shot('reconcile-healed-light.png')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot('reconcile-healed-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  test('the guided first run completes end to end, checked against the cluster, and resumes after a reload', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'guide')
    const guide = page.getByRole('complementary', { name: 'Guided first run' })
    const current = guide.locator('li[aria-current="step"]')
    await expect(current).toHaveText('Create a deployment')
    await expect(guide.getByText('kubectl create deployment hello --image=nginx:1.27')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('guide-start-light.png') })

    // Skippable, and the skip is remembered until resumed.
    await guide.getByRole('button', { name: 'Skip' }).click()
    await expect(guide).toBeHidden()
    await page.getByRole('button', { name: 'Resume the guide (0/6)' }).click()

    kubectl(app.env, ['-n', 'default', 'create', 'deployment', 'hello', '--image=nginx:1.27'])
    await expect(current).toHaveText('Scale it to 3 replicas or more', { timeout: 30_000 })
    await guide.getByRole('link', { name: 'Show me where' }).click()
    await page.getByRole('tab', { name: 'Deployments' }).click()
    const row = page.getByRole('grid', { name: /^Deployments/ }).locator('tr[data-key="default/hello"]')
    await row.getByText('hello', { exact: true }).click()
    const panel = page.getByRole('dialog', { name: 'hello' })
    await panel.getByRole('tab', { name: 'Reconcile' }).click()
    await panel.getByRole('spinbutton', { name: 'Replicas' }).fill('3')
    await panel.getByRole('spinbutton', { name: 'Replicas' }).press('Enter')
    await expect(current).toHaveText('Break a pod', { timeout: 30_000 })

    // Resumable: a reload keeps the progress (it is persisted, and re-checked against the cluster).
    await page.reload()
    await expect(current).toHaveText('Break a pod')
    await page.getByRole('tab', { name: 'Deployments' }).click()
    await row.getByText('hello', { exact: true }).click()
    await panel.getByRole('tab', { name: 'Reconcile' }).click()
    await panel
      .getByRole('region', { name: 'Break it (simulated)' })
      .getByRole('button', { name: 'Kill pod' })
      .click()
    // Break, then heal: the replacement pod turns the next step done without a click.
    await expect(current).toHaveText('Change the image', { timeout: 30_000 })
    await expect(guide.getByText('✓ Watch it heal')).toBeVisible()

    await panel.getByRole('tab', { name: 'Scale & rollout' }).click()
    await panel.getByLabel('New image for nginx').fill('nginx:1.28')
    await panel.getByRole('button', { name: 'Set image' }).click()
    await expect(current).toHaveText('Roll back', { timeout: 30_000 })
    kubectl(app.env, ['-n', 'default', 'rollout', 'undo', 'deployment/hello'])
    await expect(guide.getByRole('status')).toContainText('Done.', { timeout: 30_000 })
    await expect(guide.getByText('6/6 done')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('guide-done-light.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: testInfo.outputPath('guide-done-dark.png') })
  })
})
