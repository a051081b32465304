import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { serveApp, type ServedApp } from '../../test/e2e/serve'
import { startRestartableSandbox } from '../../test/support/restartable-sandbox'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

const sections = (page: Page): Locator => page.getByRole('navigation', { name: 'Sections' })

async function openDeployments(page: Page): Promise<void> {
  await sections(page).getByRole('link', { name: 'Workloads' }).click()
  await page.getByRole('tab', { name: 'Deployments' }).click()
}

/** True when two boxes share any area. */
function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

test.describe('resource views', () => {
  // Each test builds on the cluster and objects of the one before.
  test.describe.configure({ mode: 'serial' })
  const app = serveAppAround()

  test('replicas: typed count + Enter confirms (150, then 0); three + land on 3; notices never cover controls', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'uxa')
    kubectl(app.env, ['-n', 'default', 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=1'])
    await openDeployments(page)
    const row = page.getByRole('grid', { name: /^Deployments/ }).locator('tr[data-key="default/web"]')
    const field = row.getByRole('spinbutton', { name: 'Replicas' })
    await expect(field).toHaveValue('1')

    // Enter on a typed count above the cap opens the confirmation and leaves it open.
    await field.fill('150')
    await field.press('Enter')
    const big = page.getByRole('dialog', { name: 'Scale web to 150?' })
    await expect(big).toBeVisible()
    await big.getByRole('button', { name: 'Cancel' }).click()
    await expect(field).toHaveValue('1')

    // 0 works the same way, and the confirmation can be answered from the keyboard.
    await field.fill('0')
    await field.press('Enter')
    const zero = page.getByRole('dialog', { name: 'Scale web to 0?' })
    await expect(zero).toBeVisible()
    await zero.getByRole('button', { name: 'Scale to 0' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status').getByText('Scaled web to 0 replicas.')).toBeVisible()
    expect(
      kubectl(app.env, ['-n', 'default', 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']),
    ).toBe('0')

    // A refused count says why instead of snapping back silently.
    await field.fill('-3')
    await field.press('Enter')
    await expect(page.getByRole('status').getByText('web: Replicas cannot be negative.')).toBeVisible()
    await expect(field).toHaveValue('0')

    // Three + in the detail panel: the value shown goes to 3 at once and the cluster ends at 3.
    await row.getByText('web', { exact: true }).click()
    const panel = page.getByRole('dialog', { name: 'web' })
    await panel.getByRole('tab', { name: 'Scale & rollout' }).click()
    const more = panel.getByRole('button', { name: 'More replicas' })
    await more.click()
    await more.click()
    await more.click()
    const scaled = page.getByRole('status').getByText('Scaled web to 3 replicas.')
    await expect(scaled).toBeVisible()
    // The notice sits below the content: it covers none of the panel's buttons.
    const notice = await scaled.boundingBox()
    expect(notice).not.toBeNull()
    for (const button of await panel.getByRole('button').all()) {
      const box = await button.boundingBox()
      if (box && notice) expect(overlaps(box, notice), await button.innerText()).toBe(false)
    }
    await expect(panel.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('3')
    expect(
      kubectl(app.env, ['-n', 'default', 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']),
    ).toBe('3')
  })

  test('a deployment whose image cannot be pulled reads Degraded in its row, detail, overview and events', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    kubectl(app.env, ['create', 'namespace', 'broken'])
    kubectl(app.env, [
      '-n',
      'broken',
      'create',
      'deployment',
      'bad',
      '--image=registry.example/doesnotexist:1',
    ])
    await sections(page).getByRole('link', { name: 'Overview' }).click()
    const failing = page.getByRole('list', { name: 'Failing deployments in broken' })
    await expect(failing).toContainText(/bad Degraded: (ImagePullBackOff|ErrImagePull) \(1 of 1 pods\)/, {
      timeout: 20_000,
    })
    await page.screenshot({ path: testInfo.outputPath('overview-degraded.png') })

    await openDeployments(page)
    const row = page.getByRole('grid', { name: /^Deployments/ }).locator('tr[data-key="broken/bad"]')
    await expect(row).toContainText(/Degraded: (ImagePullBackOff|ErrImagePull) \(1 of 1 pods\)/)
    await row.getByText('bad', { exact: true }).click()
    const panel = page.getByRole('dialog', { name: 'bad' })
    await expect(panel.locator('.detail-health')).toContainText(/Degraded: (ImagePullBackOff|ErrImagePull)/)
    await panel.getByRole('tab', { name: 'Events' }).click()
    // The pod's pull failures and the ReplicaSet's SuccessfulCreate, not only "Scaled up replica set".
    await expect(
      panel
        .getByRole('row')
        .filter({ hasText: /pod\/bad-/ })
        .first(),
    ).toContainText('Failed')
    await expect(panel.getByRole('row').filter({ hasText: 'SuccessfulCreate' })).toHaveCount(1)
    await expect(panel.getByRole('row').nth(1)).toContainText('Warning')
  })

  test('events: warnings first, Message on screen at 1400 and 1024 px', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    kubectl(app.env, ['-n', 'broken', 'create', 'deployment', 'fine', '--image=nginx:1.27'])
    await sections(page).getByRole('link', { name: 'Events' }).click()
    const grid = page.getByRole('grid', { name: /^Events/ })
    await expect(grid.getByRole('row').nth(1)).toContainText('Warning', { timeout: 20_000 })
    // After the warnings come the normal events, newest first: no warning below a normal one.
    await expect(grid.getByRole('row').filter({ hasText: 'Normal' }).first()).toBeVisible()
    const headers = await grid.getByRole('columnheader').allInnerTexts()
    const typeColumn = headers.findIndex((h) => /^type/i.test(h)) + 1
    const types = await grid.locator(`tbody tr[data-key] td:nth-child(${typeColumn})`).allInnerTexts()
    expect(types.indexOf('Warning')).toBe(0)
    expect(types.lastIndexOf('Warning')).toBeLessThan(types.indexOf('Normal'))
    for (const width of [1400, 1024]) {
      await page.setViewportSize({ width, height: 800 })
      const message = grid.getByRole('columnheader', { name: 'Message' })
      await expect(message).toBeInViewport({ ratio: 1 })
      const scroll = grid.locator('xpath=..')
      await expect.poll(() => scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
    }
  })

  test('width: pods fit 1400 px, the detail panel resizes from the keyboard, the sidebar folds away', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    kubectl(app.env, ['-n', 'broken', 'scale', 'deployment', 'fine', '--replicas=2'])
    await sections(page).getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Pods' }).click()
    const grid = page.getByRole('grid', { name: /^Pods/ })
    await expect(grid.getByRole('row', { name: / fine-/ }).first()).toBeVisible()
    const scroll = grid.locator('xpath=..')
    const sideways = (): Promise<number> => scroll.evaluate((el) => el.scrollWidth - el.clientWidth)
    // The columns fit once the table has its width: polled, as a resize is seen at the browser's next frame.
    await expect.poll(sideways).toBeLessThanOrEqual(0)
    await expect(grid.getByRole('columnheader', { name: 'Readiness gates' })).toHaveCount(0)
    await expect(grid.getByRole('columnheader', { name: 'Status' })).toBeInViewport()

    // With the detail open the table still fits, and the panel resizes with the keyboard.
    await grid
      .getByRole('row', { name: / fine-/ })
      .first()
      .click()
    const panel = page.getByRole('dialog', { name: /^fine-/ })
    await expect(panel).toBeVisible()
    await expect.poll(sideways).toBeLessThanOrEqual(0)
    await expect(grid.getByRole('columnheader', { name: 'Status' })).toBeInViewport()
    const before = (await panel.boundingBox())!.width
    const handle = page.getByRole('separator', { name: /Resize the detail panel/ })
    await handle.focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(async () => (await panel.boundingBox())!.width).toBeGreaterThan(before + 40)
    await page.keyboard.press('End')
    await expect.poll(async () => (await panel.boundingBox())!.width).toBeLessThan(before)
    // And with the mouse: dragging the handle 120 px to the left widens the panel by as much.
    const narrow = (await panel.boundingBox())!.width
    const grip = (await handle.boundingBox())!
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
    await page.mouse.down()
    await page.mouse.move(grip.x + grip.width / 2 - 120, grip.y + grip.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect.poll(async () => Math.round((await panel.boundingBox())!.width - narrow)).toBe(120)
    await expect.poll(sideways).toBeLessThanOrEqual(0)

    // The sidebar folds away and stays folded after a reload.
    await page.getByRole('button', { name: 'Hide the sections sidebar' }).click()
    await expect(sections(page)).toBeHidden()
    await page.reload()
    await expect(page.getByRole('button', { name: 'Show the sections sidebar' })).toBeVisible()
    await expect(sections(page)).toBeHidden()
    await page.getByRole('button', { name: 'Show the sections sidebar' }).click()
    await expect(sections(page)).toBeVisible()

    // At 1024 px the deployments table still fits its card.
    await page.setViewportSize({ width: 1024, height: 700 })
    await openDeployments(page)
    const deployments = page.getByRole('grid', { name: /^Deployments/ })
    await expect(deployments.getByRole('row', { name: / fine/ })).toBeVisible()
    await expect
      .poll(() => deployments.locator('xpath=..').evaluate((el) => el.scrollWidth - el.clientWidth))
      .toBeLessThanOrEqual(0)

    // Three-digit counts fit the Ready column whole ("150/…" before): the widest it shows, measured in place.
    const ready = deployments.locator('tr[data-key="broken/fine"] td').nth(2)
    await expect(ready).toHaveText(/^\d+\/2$/)
    const overflow = await ready.evaluate((el) => {
      const shown = el.textContent
      el.textContent = '150/150'
      const over = el.scrollWidth - el.clientWidth
      el.textContent = shown
      return over
    })
    expect(overflow).toBeLessThanOrEqual(0)
  })
})

test.describe('a view opened while its cluster is down', () => {
  let app: ServedApp
  let sandbox: RunningSandbox | undefined
  let dir: string
  test.beforeAll(async () => {
    app = await serveApp()
    dir = mkdtempSync(join(tmpdir(), 'skiff-flaky-'))
  })
  test.afterAll(async () => {
    await sandbox?.stop()
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('retries by itself, says when, and recovers without a click', async ({ page }) => {
    const stateFile = join(dir, 'state.json')
    sandbox = await startRestartableSandbox({ name: 'flaky', stateFile })
    const kubeconfig = app.env.KUBECONFIG!
    mkdirSync(dirname(kubeconfig), { recursive: true })
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: flaky',
        'clusters:',
        '- name: flaky',
        '  cluster:',
        `    server: ${sandbox.url}`,
        `    certificate-authority-data: ${sandbox.caData}`,
        'users:',
        '- name: flaky',
        '  user:',
        `    token: ${sandbox.token}`,
        'contexts:',
        '- name: flaky',
        '  context: {cluster: flaky, user: flaky, namespace: default}',
        '',
      ].join('\n'),
    )
    // Not the synchronous helper: the sandbox serves from this very process and must keep answering.
    await promisify(execFile)(
      'kubectl',
      ['-n', 'default', 'create', 'deployment', 'back', '--image=nginx:1.27'],
      {
        env: app.env,
      },
    )
    const port = sandbox.port
    await sandbox.stop()
    sandbox = undefined

    await page.goto(app.url)
    await sections(page).getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Pods' }).click()
    await expect(page.getByText(/Retrying in \d+ s…/)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible()

    sandbox = await startSandbox({ name: 'flaky', stateFile, port })
    const grid = page.getByRole('grid', { name: /^Pods/ })
    // The view opens on the context's namespace, so the row may start with the pod's name.
    await expect(grid.getByRole('row', { name: /(^| )back-/ })).toBeVisible({ timeout: 45_000 })
    await expect(page.getByText(/Retrying in/)).toHaveCount(0)
  })
})
