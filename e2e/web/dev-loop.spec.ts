import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { kubectl } from '../../test/e2e/kubeconfig'
import { serveAppAround } from '../../test/e2e/served'
import { fakesPath } from '../../test/fakes/path'

// The local dev loop with the fake tools (each fake cluster served by a real sandbox): shape a cluster with a
// preset, load an image only this machine has, watch the stuck pod start, enable a minikube addon, find a URL.
const app = serveAppAround({
  PATH: `${fakesPath()}:${process.env.PATH ?? ''}`,
  FAKE_STEP_DELAY_MS: '60',
  FAKE_BACKING_SANDBOX: '1',
  // The kind cluster's pod waits out the kubelet's pull back-off after the load: ×10 makes that a second.
  FAKE_BACKING_SPEED: '10',
  FAKE_DOCKER_IMAGES: 'skiff-demo/app:dev,nginx:1.27,kindest/node:v1.33.1',
})

async function openClusters(page: Page): Promise<void> {
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clusters' }).click()
}

async function waitForJob(page: Page, name: RegExp, text: string): Promise<void> {
  await expect(page.getByRole('region', { name }).getByRole('status')).toContainText(text, {
    timeout: 60_000,
  })
}

/** A Deployment of an image that exists only on this machine, and a NodePort Service for it. */
function deployLocalImage(context: string): void {
  kubectl(app.env, ['--context', context, 'create', 'deployment', 'shop', '--image=skiff-demo/app:dev'])
  kubectl(app.env, ['--context', context, 'expose', 'deployment', 'shop', '--port=80', '--type=NodePort'])
}

async function loadFromHint(page: Page, cluster: string): Promise<void> {
  const card = page.getByRole('region', { name: 'Your code in the cluster' })
  await card.getByRole('combobox', { name: 'Cluster' }).selectOption(cluster)
  const hint = card.getByRole('status').filter({ hasText: 'exists on your machine but not in the cluster' })
  await expect(hint).toContainText(/shop-[a-z0-9]+-[a-z0-9]+/, { timeout: 40_000 })
  await expect(hint).toContainText(/ImagePullBackOff|ErrImagePull/)
  await hint.getByRole('button', { name: 'Load skiff-demo/app:dev' }).click()
}

function podPhase(context: string): string {
  return kubectl(app.env, [
    '--context',
    context,
    'get',
    'pods',
    '-l',
    'app=shop',
    '-o',
    'jsonpath={.items[0].status.phase}',
  ])
}

test('kind “Ingress on localhost”: the preview shows the command, the fake gets the port mappings; a loaded image starts the stuck pod', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  await openClusters(page)
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: /kind/ }).check()
  await dialog.getByRole('radio', { name: /Ingress on localhost/ }).check()
  await dialog.getByLabel('Name').fill('web')
  // The node images docker already has are offered as versions.
  await expect(dialog.getByText('On this machine already: v1.33.1.')).toBeVisible()
  await expect(dialog.getByTestId('command-preview')).toHaveText(
    '$ kind create cluster --name web --config - --wait 5m',
  )
  await dialog.getByText('kind config (given on stdin)').click()
  await expect(dialog.getByTestId('kind-config')).toContainText('hostPort: 80')
  await expect(dialog.getByTestId('kind-config')).toContainText('node-labels: "ingress-ready=true"')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await dialog.screenshot({ path: testInfo.outputPath(`create-dialog-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await dialog.getByRole('button', { name: 'Create' }).click()
  await waitForJob(page, /Create kind cluster “web”/, 'Created kind cluster "web"')
  const state = JSON.parse(readFileSync(join(app.home, 'fake-state', 'kind', 'web.json'), 'utf8')) as {
    config: { nodes: { extraPortMappings: unknown }[] }
  }
  expect(state.config.nodes[0]?.extraPortMappings).toEqual([
    { containerPort: 80, hostPort: 80, protocol: 'TCP' },
    { containerPort: 443, hostPort: 443, protocol: 'TCP' },
  ])

  deployLocalImage('kind-web')
  await loadFromHint(page, 'kind/web')
  await waitForJob(
    page,
    /Load image into kind cluster “web”/,
    'Loaded "skiff-demo/app:dev" into kind cluster "web"',
  )
  await expect.poll(() => podPhase('kind-web'), { timeout: 60_000 }).toBe('Running')
  const card = page.getByRole('region', { name: 'Your code in the cluster' })
  await expect(card.getByRole('status').filter({ hasText: 'exists on your machine' })).toHaveCount(0)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await card.screenshot({ path: testInfo.outputPath(`images-panel-${scheme}.png`) })
  }

  await card.getByRole('tab', { name: 'Service URLs' }).click()
  const row = card.getByRole('row', { name: /default\/shop/ })
  await row.getByRole('button', { name: 'Find URL' }).click()
  const link = row.getByRole('link', { name: /^http:\/\/[\d.]+:3\d{4}$/ })
  await expect(link).toBeVisible()
  const nodePort = kubectl(app.env, [
    '--context',
    'kind-web',
    'get',
    'svc',
    'shop',
    '-o',
    'jsonpath={.spec.ports[0].nodePort}',
  ])
  await expect(link).toHaveAttribute('href', new RegExp(`:${nodePort}$`))
  await expect(link).toHaveAttribute('target', '_blank')
  await page.emulateMedia({ colorScheme: 'dark' })
  await card.screenshot({ path: testInfo.outputPath('service-urls-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })
})

test('minikube: enable an addon with progress', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await openClusters(page)
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: /minikube/ }).check()
  await dialog.getByLabel('Name').fill('mk')
  await dialog.getByRole('checkbox', { name: 'ingress', exact: true }).check()
  await expect(dialog.getByTestId('command-preview')).toContainText('--addons=ingress --output=json')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await waitForJob(page, /Create minikube cluster “mk”/, 'Created minikube cluster "mk"')

  const card = page.getByRole('region', { name: 'Your code in the cluster' })
  await card.getByRole('combobox', { name: 'Cluster' }).selectOption('minikube/mk')
  await card.getByRole('tab', { name: 'Addons' }).click()
  const addons = card.getByRole('table', { name: 'minikube addons' })
  await expect(addons.getByRole('row', { name: /ingress/ }).first()).toContainText('enabled')
  await addons.getByRole('button', { name: 'Enable metrics-server' }).click()
  const job = page.getByRole('region', { name: /Enable addon on minikube cluster “mk”/ })
  await waitForJob(page, /Enable addon on minikube cluster “mk”/, 'Enabled the metrics-server addon')
  // The progress minikube printed while it ran, kept in the job's output. (Its "Enabling…" line shows only
  // while the job runs, ~50 ms with the fake: waiting to see it failed CI once when the job had already ended.)
  await job.getByRole('button', { name: /Show output/ }).click()
  const output = job.getByLabel('Command output')
  await expect(output).toContainText('metrics-server is an addon maintained by')
  await expect(output).toContainText("The 'metrics-server' addon is enabled")
  await expect(addons.getByRole('row', { name: /metrics-server/ })).toContainText('enabled')
  await expect(addons.getByRole('button', { name: 'Disable metrics-server' })).toBeVisible()
  await card.screenshot({ path: testInfo.outputPath('addons-panel.png') })
})

test('sandbox: an image only this machine has waits, the hint loads it, the pod runs', async ({ page }) => {
  test.setTimeout(120_000)
  await openClusters(page)
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: /Sandbox/ }).check()
  await dialog.getByLabel('Name').fill('loop')
  await dialog.getByLabel('Speed (simulated time)').selectOption('10')
  await expect(dialog.getByText(/Simulated in Skiff: 1 node, time ×10/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Create' }).click()
  await waitForJob(page, /Create sandbox cluster “loop”/, 'Created sandbox cluster "loop"')

  deployLocalImage('sandbox-loop')
  await loadFromHint(page, 'sandbox/loop')
  await waitForJob(page, /Load image into sandbox cluster “loop”/, 'Loaded "skiff-demo/app:dev"')
  await expect.poll(() => podPhase('sandbox-loop'), { timeout: 60_000 }).toBe('Running')
  const events = kubectl(app.env, [
    '--context',
    'sandbox-loop',
    'get',
    'events',
    '-o',
    'jsonpath={.items[*].message}',
  ])
  expect(events).toContain('Successfully pulled image "skiff-demo/app:dev"')

  // An Ingress for it: the sandbox's simulated ingress-nginx admits it and answers on a loopback port.
  kubectl(app.env, [
    '--context',
    'sandbox-loop',
    'create',
    'ingress',
    'shop',
    '--rule=shop.localhost/*=shop:80',
  ])
  await expect
    .poll(() =>
      kubectl(app.env, [
        '--context',
        'sandbox-loop',
        'get',
        'ingress',
        'shop',
        '-o',
        'jsonpath={.status.loadBalancer.ingress[0].hostname}',
      ]),
    )
    .toBe('localhost')
  const card = page.getByRole('region', { name: 'Your code in the cluster' })
  await card.getByRole('tab', { name: 'Service URLs' }).click()
  const row = card.getByRole('row', { name: /default\/shop/ })
  await row.getByRole('button', { name: 'Find URL' }).click()
  const link = row.getByRole('link', { name: /^http:\/\/shop\.localhost:\d+\/$/ })
  const popup = page.waitForEvent('popup')
  await link.click()
  const opened = await popup
  await expect(opened.locator('body')).toContainText(
    /Hello from shop-[a-z0-9]+-[a-z0-9]+ \(image skiff-demo\/app:dev\)/,
  )
  await opened.close()
})
