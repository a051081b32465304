import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { serveApp, type ServedApp } from '../../test/e2e/serve'
import { kubectl, writeTwoContextKubeconfig } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

// Issue #20 items 5, 8, 9, 10, 12 and 13, walked through as a person would.

async function palette(page: Page, text: string): Promise<void> {
  // A key pressed before the app's first render reaches no listener (that render waits briefly for rows).
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Command palette' })
  await expect(dialog).toBeVisible()
  await page.keyboard.type(text)
}

const chosen = (page: Page) =>
  page.getByRole('dialog', { name: 'Command palette' }).getByRole('option', { selected: true })

/** Opens the app (the launch address carries the token), then a section. */
async function openAt(page: Page, app: ServedApp, hash: string): Promise<void> {
  await page.goto(app.url)
  // Not while it says "Context: Loading…": the section opens once the contexts are known.
  await expect(page.getByRole('button', { name: /^Context: (?!Loading…)/ })).toBeVisible()
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`)
}

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name })

test.describe('everyday UX', () => {
  // One app and one kubeconfig walked through in order: each step builds on the one before.
  test.describe.configure({ mode: 'serial' })
  let app: ServedApp
  test.beforeAll(async () => {
    app = await serveApp()
    writeTwoContextKubeconfig(app.env.KUBECONFIG!)
  })
  test.afterAll(async () => {
    await app.stop()
  })

  test('#20.13 the palette creates a cluster, goes to views and objects, and acts on the selection', async ({
    page,
  }) => {
    await page.goto(app.url)
    await palette(page, 'create a cluster')
    await expect(chosen(page)).toContainText('Create a cluster…')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'New cluster' })
    await expect(dialog).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clusters')
    await page.keyboard.press('Escape')
    await createSandboxCluster(page, 'pal')
    kubectl(app.env, ['create', 'deployment', 'web', '--image=nginx:1.27'])

    // Go to a view, with its shortcut shown.
    await palette(page, 'workl')
    const option = chosen(page)
    await expect(option).toContainText('Workloads')
    await expect(option).toContainText('G 4')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workloads')
    // Both lists watched once, so the palette knows their rows.
    await page.getByRole('tab', { name: 'Deployments' }).click()
    await expect(page.getByRole('grid').getByRole('row', { name: /\bweb\b/ })).toBeVisible()
    await page.getByRole('tab', { name: 'Pods' }).click()
    await expect(page.getByRole('grid').getByRole('row', { name: /\bweb-/ })).toBeVisible()

    // An object by name: the deployment opens in its own tab's detail panel.
    await palette(page, 'web')
    await expect(page.getByRole('option', { name: /deployment in default/ })).toBeVisible()
    await page.getByRole('option', { name: /deployment in default/ }).click()
    await expect(page.getByRole('tab', { name: 'Deployments' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('dialog', { name: 'web' })).toBeVisible()

    // An action on the selection.
    await palette(page, 'restart')
    await expect(chosen(page)).toContainText('Restart rollout of web')
    await page.keyboard.press('Enter')
    await expect(page.locator('.notices')).toContainText('Restarting the pods of “web”')
    await expect
      .poll(() =>
        kubectl(app.env, [
          'get',
          'deployment',
          'web',
          '-o',
          'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}',
        ]),
      )
      .not.toBe('')

    // G then a number goes to a section without the palette.
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('g')
    await page.keyboard.press('3')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contexts')
  })

  test('#20.10 views open on the context’s namespace, then remember the choice', async ({ page }) => {
    kubectl(app.env, ['config', 'use-context', 'sandbox-pal'])
    kubectl(app.env, ['config', 'set-context', '--current', '--namespace=kube-system'])
    await openAt(page, app, '#workloads')
    await expect(page.getByLabel(/^Namespaces: /)).toHaveAccessibleName('Namespaces: kube-system')
    await page.getByLabel(/^Namespaces: /).click()
    await page
      .getByRole('group', { name: 'Namespaces to show' })
      .getByRole('checkbox', { name: 'All namespaces' })
      .check()
    await expect(page.getByLabel(/^Namespaces: /)).toHaveAccessibleName('Namespaces: All namespaces')
    await page.reload()
    await expect(page.getByLabel(/^Namespaces: /)).toHaveAccessibleName('Namespaces: All namespaces')
    kubectl(app.env, ['config', 'set-context', '--current', '--namespace='])
  })

  test('a cold start on Workloads lists the contexts and watches pods once, first: the app takes over both', async ({
    page,
  }) => {
    // sandbox-pal has no namespace of its own now: all namespaces. Its guide also watches pods in default.
    const watches: string[] = []
    const catalogs: string[] = []
    const calls: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call'))
        calls.push((JSON.parse(r.postData() ?? '{}') as { method?: string }).method ?? '')
      if (!r.url().endsWith('/api/events/control')) return
      const body = JSON.parse(r.postData() ?? '{}') as { op?: string; stream?: string; input?: object }
      if (body.op === 'subscribe' && body.stream === 'resources.watch')
        watches.push(JSON.stringify(body.input))
      if (body.op === 'subscribe' && body.stream === 'apiResources.catalog')
        catalogs.push(JSON.stringify(body.input))
    })
    await page.goto(`${app.url}#workloads`)
    await expect(
      page
        .getByRole('grid')
        .getByRole('row', { name: /\bweb-/ })
        .first(),
    ).toBeVisible()
    const view = JSON.stringify({ kind: 'pods', context: 'sandbox-pal' })
    // Started as soon as the contexts were known, before React's first render mounted any view.
    expect(watches[0]).toBe(view)
    expect(watches.filter((w) => w === view)).toHaveLength(1)
    // The page's first script asks for the contexts (boot/early.ts); the app takes that answer, not a second.
    await expect(page.locator('head script[src*="/early-"]')).toHaveCount(1)
    expect(calls[0]).toBe('contexts.list')
    expect(calls.filter((c) => c === 'contexts.list')).toHaveLength(1)
    // Small start files are compiled eagerly, the app's large entry lazily (vite.web.config.ts, compileHints).
    const srcs = await page
      .locator('head script[type="module"][src]')
      .evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src') ?? ''))
    const sources = await Promise.all(
      srcs.map(async (src) => (await page.request.get(new URL(src, page.url()).href)).text()),
    )
    const eager = (code: string): boolean => code.startsWith('//# allFunctionsCalledOnLoad\n')
    expect(sources.map((code) => [code.length > 100_000, eager(code)])).toEqual(
      expect.arrayContaining([
        [false, true],
        [true, false],
      ]),
    )
    // The guide's two watches wait for the first rows; the catalog is asked for once, by the context's name.
    await expect(page.getByRole('complementary', { name: 'Guided first run' })).toBeVisible()
    const guide = JSON.stringify({ kind: 'pods', context: 'sandbox-pal', namespaces: ['default'] })
    await expect.poll(() => watches.includes(guide)).toBe(true)
    expect(watches.indexOf(guide)).toBeGreaterThan(watches.indexOf(view))
    expect(catalogs).toEqual([JSON.stringify({ context: 'sandbox-pal' })])
  })

  test('#20.12 other local clusters are badged and listed as external with reachability and version', async ({
    page,
  }) => {
    // A k3d-named context that reaches the sandbox, and a Docker Desktop one whose server is down.
    const cluster = kubectl(app.env, [
      'config',
      'view',
      '-o',
      'jsonpath={.contexts[?(@.name=="sandbox-pal")].context.cluster}',
    ])
    const user = kubectl(app.env, [
      'config',
      'view',
      '-o',
      'jsonpath={.contexts[?(@.name=="sandbox-pal")].context.user}',
    ])
    kubectl(app.env, ['config', 'set-context', 'k3d-dev', `--cluster=${cluster}`, `--user=${user}`])
    kubectl(app.env, ['config', 'set-cluster', 'docker-desktop', '--server=https://127.0.0.1:9'])
    kubectl(app.env, [
      'config',
      'set-context',
      'docker-desktop',
      '--cluster=docker-desktop',
      '--user=alpha-user',
    ])

    await openAt(page, app, '#contexts')
    const contexts = page.getByRole('table', { name: 'Contexts' })
    await expect(contexts.getByRole('row', { name: /^docker-desktop/ })).toContainText('Docker Desktop')
    await expect(contexts.getByRole('row', { name: /^k3d-dev/ })).toContainText('k3d')
    await expect(contexts.getByRole('row', { name: /^alpha/ })).not.toContainText('external')

    await section(page, 'Clusters').click()
    const external = page.getByRole('table', { name: 'Other local clusters' })
    const k3d = external.getByRole('row', { name: /^k3d-dev/ })
    await expect(k3d).toContainText('reachable')
    await expect(k3d).toContainText(/v\d+\.\d+\.\d+/)
    await expect(k3d).toContainText('external')
    await expect(external.getByRole('row', { name: /^docker-desktop/ })).toContainText('not answering')
    // Skiff's own sandbox is not external, and external rows offer no lifecycle buttons.
    await expect(external.getByRole('row', { name: /sandbox-pal/ })).toHaveCount(0)
    await expect(external.getByRole('button', { name: /Delete|Start|Stop|Pause/ })).toHaveCount(0)
  })

  test('#20.8 job cards stay dismissed, sit below the table, and the button says Check again', async ({
    page,
  }) => {
    await openAt(page, app, '#clusters')
    await page.getByRole('button', { name: 'New cluster' }).click()
    const dialog = page.getByRole('dialog', { name: 'New cluster' })
    await dialog.getByRole('radio', { name: /Sandbox/ }).check()
    await dialog.getByLabel('Name').fill('second')
    await dialog.getByRole('button', { name: 'Create' }).click()
    const job = page.getByRole('region', { name: /Create sandbox cluster “second”/ })
    await expect(job.getByRole('status')).toContainText('Created sandbox cluster "second"', {
      timeout: 30_000,
    })
    const table = page.getByRole('table', { name: 'Clusters', exact: true })
    const [tableBox, jobBox] = [await table.boundingBox(), await job.boundingBox()]
    expect(tableBox!.y).toBeLessThan(jobBox!.y)
    await expect(job.getByRole('button', { name: /^Show output \(\d+ lines?\)$/ })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible()

    await job.getByRole('button', { name: 'Dismiss' }).click()
    await expect(job).toHaveCount(0)
    await page.reload()
    await expect(table.getByRole('row', { name: /^second/ })).toBeVisible()
    await expect(page.getByRole('region', { name: /Create sandbox cluster “second”/ })).toHaveCount(0)
  })

  test('#20.5 deleting the current cluster asks which context becomes current', async ({ page }) => {
    kubectl(app.env, ['config', 'use-context', 'sandbox-second'])
    await openAt(page, app, '#clusters')
    await expect(page.getByRole('button', { name: 'Context: sandbox-second. Switch context' })).toBeVisible()
    await page.getByRole('button', { name: 'Delete second' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete second?' })
    await expect(confirm).toContainText('“sandbox-second” is your current context')
    await confirm.getByLabel('Current context afterwards').selectOption('alpha')
    await confirm.getByRole('button', { name: 'Delete cluster' }).click()
    await expect(page.getByRole('button', { name: 'Context: alpha. Switch context' })).toBeVisible({
      timeout: 30_000,
    })
    expect(kubectl(app.env, ['config', 'current-context'])).toBe('alpha')

    // A context deleted behind Skiff's back (kubectl leaves current-context naming it) is never shown as current.
    kubectl(app.env, ['config', 'delete-context', 'alpha'])
    await expect(page.getByRole('button', { name: 'Context: No context. Switch context' })).toBeVisible()
    await expect(page.getByText('“alpha” is gone')).toBeVisible()
    kubectl(app.env, ['config', 'use-context', 'beta'])
  })

  test('#20.9 backups name their change, restore shows a diff first, an import clash takes new names', async ({
    page,
  }) => {
    await openAt(page, app, '#contexts')
    const contexts = page.getByRole('table', { name: 'Contexts' })
    await contexts.getByRole('button', { name: 'Use sandbox-pal' }).click()
    await expect(page.getByRole('button', { name: /Context: sandbox-pal/ })).toBeVisible()

    const backups = page.getByRole('table', { name: 'Backups' })
    const latest = backups.getByRole('row').nth(1)
    await expect(latest).toContainText('Switch to “sandbox-pal”')
    await latest.getByRole('button', { name: /^Restore/ }).click()
    const restore = page.getByRole('dialog', { name: 'Restore this backup?' })
    await expect(restore.getByLabel('The file now')).toContainText('current-context: sandbox-pal')
    await expect(restore.getByLabel(/^The backup/)).toContainText('current-context: beta')
    await expect(restore).toContainText('(hidden value')
    await expect(restore).not.toContainText('alpha-token')
    await restore.getByRole('button', { name: 'Restore this version' }).click()
    await expect(restore).toBeHidden()
    expect(kubectl(app.env, ['config', 'current-context'])).toBe('beta')

    // Import a file whose context name is taken: a field offers a new name.
    const other = join(app.home, 'other.yaml')
    writeFileSync(
      other,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: other-cluster\n  cluster:\n    server: https://127.0.0.1:8443\n' +
        'users:\n- name: other-user\n  user:\n    token: t\ncontexts:\n- name: beta\n  context:\n    cluster: other-cluster\n    user: other-user\n',
    )
    await page.getByLabel('File to import').setInputFiles(other)
    const field = page.getByLabel('New name for context “beta”')
    await expect(field).toHaveValue('beta-2')
    await field.fill('k3d-dev')
    await expect(page.getByText('“k3d-dev” is taken too.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
    await field.fill('beta-imported')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(contexts.getByRole('row', { name: /^beta-imported/ })).toBeVisible()
    expect(kubectl(app.env, ['config', 'get-contexts', '-o', 'name']).split('\n')).toContain('beta-imported')
    await expect(backups.getByRole('row').nth(1)).toContainText('Import other.yaml')
  })
})
