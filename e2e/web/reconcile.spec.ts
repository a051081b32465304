import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
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
    await createSandboxCluster(page, 'rec', 10)
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

    // Break the registry: a new pod cannot pull nginx:1.27, backs off, and starts once pulls are healed.
    const pulls = breakIt.getByRole('group', { name: 'Image pulls' })
    await pulls.getByRole('combobox', { name: 'Pulls of' }).selectOption('nginx:1.27')
    await pulls.getByRole('button', { name: 'Fail pulls' }).click()
    await expect(pulls.getByRole('status')).toHaveText('nginx:1.27: failing')
    await expect(
      timeline.getByText(/Pulls of nginx:1\.27 now fail \(simulated registry outage\)/),
    ).toBeAttached()
    const unlucky = (await podNames())[0] ?? ''
    await breakIt.getByRole('combobox', { name: 'Pod' }).selectOption(unlucky)
    await breakIt.getByRole('button', { name: 'Kill pod' }).click()
    await expect(graph.getByRole('img', { name: /^web-\w+: 4 running, 1 failed$/ })).toBeVisible({
      timeout: 30_000,
    })
    await expect(
      timeline
        .getByText(/could not pull nginx:1\.27 for web-\w+-\w+: the registry cannot be reached/)
        .first(),
    ).toBeAttached()
    await expect(
      timeline.getByText(/web-\w+-\w+ is waiting: (ErrImagePull|ImagePullBackOff)/).first(),
    ).toBeAttached()
    await shot('reconcile-pull-failing-light.png')
    await pulls.getByRole('button', { name: 'Heal pulls of nginx:1.27' }).click()
    await expect(pulls.getByRole('status')).toBeHidden()
    // The kubelet retries at its next back-off step (10 s, then 20 s…), pulls, and the pod starts.
    await expect(graph.getByRole('img', { name: /^web-\w+: 5 running$/ })).toBeVisible({ timeout: 45_000 })
    await expect(timeline.getByText(/pulled nginx:1\.27 for web-\w+-\w+/).first()).toBeAttached()
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
    await createSandboxCluster(page, 'guide', 10)
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

  test('StatefulSet, DaemonSet and Job: each kind’s own reconcile view, in the words of its controller', async ({
    page,
  }, testInfo) => {
    const shots = async (name: string): Promise<void> => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`) })
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'kinds', 10)
    await page
      .getByRole('complementary', { name: 'Guided first run' })
      .getByRole('button', { name: 'Skip' })
      .click()
    const apply = (obj: object): string =>
      execFileSync('kubectl', ['apply', '-f', '-'], {
        env: app.env,
        input: JSON.stringify(obj),
        encoding: 'utf8',
      })
    const labels = (app: string) => ({
      selector: { matchLabels: { app } },
      template: { metadata: { labels: { app } } },
    })
    apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: labels('db').selector,
        template: { ...labels('db').template, spec: { containers: [{ name: 'db', image: 'nginx:1.27' }] } },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    })
    apply({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: labels('agent').selector,
        template: {
          ...labels('agent').template,
          spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'agent', image: 'nginx:1.27' }] },
        },
      },
    })
    apply({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'flaky', namespace: 'default' },
      spec: {
        backoffLimit: 1,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox-fail' }] } },
      },
    })
    const kinds = page.getByRole('navigation', { name: 'Resources by kind' })
    await kinds.locator('summary', { hasText: 'Workloads' }).click()
    const open = async (link: string, grid: RegExp, name: string): Promise<ReturnType<Page['getByRole']>> => {
      await kinds.getByRole('link', { name: link, exact: true }).click()
      await page
        .getByRole('grid', { name: grid })
        .locator(`tr[data-key="default/${name}"] .cell-name`)
        .click()
      const panel = page.getByRole('dialog', { name })
      await panel.getByRole('tab', { name: 'Reconcile' }).click()
      return panel
    }

    let panel = await open('StatefulSets', /^StatefulSet objects/, 'db')
    await expect(panel.getByRole('img', { name: /: 3 running$/ })).toBeVisible({ timeout: 30_000 })
    await expect(panel.getByText('Desired and observed agree: nothing to do.')).toBeVisible()
    const claims = panel.getByRole('region', { name: 'Persistent volume claims' })
    await expect(claims.getByRole('listitem')).toHaveCount(3)
    await expect(claims).toContainText('data-db-0')
    const timeline = (): ReturnType<Page['getByRole']> => panel.getByRole('list', { name: 'Timeline' })
    await expect(timeline().getByText('created pod db-2')).toBeAttached()
    await panel.getByLabel('Owner graph').scrollIntoViewIfNeeded()
    await shots('reconcile-statefulset')

    panel = await open('DaemonSets', /^DaemonSet objects/, 'agent')
    const nodes = panel.getByRole('region', { name: 'Nodes' })
    await expect(nodes).toContainText('no pod: its labels do not match the nodeSelector (disk=ssd)', {
      timeout: 30_000,
    })
    const node = kubectl(app.env, ['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}']).trim()
    kubectl(app.env, ['label', 'node', node, 'disk=ssd'])
    await expect(panel.getByRole('img', { name: /: 1 running$/ })).toBeVisible({ timeout: 30_000 })
    await expect(nodes).toContainText(/runs agent-\w+ \(Running\)/)
    await expect(timeline().getByText(/created pod agent-\w+/)).toBeAttached()
    await panel.getByLabel('Owner graph').scrollIntoViewIfNeeded()
    await shots('reconcile-daemonset')

    panel = await open('Jobs', /^Job objects/, 'flaky')
    await expect(panel.getByRole('status').filter({ hasText: /^Failed: BackoffLimitExceeded/ })).toBeVisible({
      timeout: 30_000,
    })
    await expect(
      timeline().getByText(/gave up on flaky: its pods failed more times than the backoff limit allows/),
    ).toBeAttached()
    await expect(panel.getByText('1 (failed so far: 2)')).toBeVisible()
    await shots('reconcile-job')
  })
})
