import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

// The guided first run (shown for sandbox contexts) is not part of these walks: skipped, it is a one-line chip.
async function skipGuide(page: Page): Promise<void> {
  await page
    .getByRole('complementary', { name: 'Guided first run' })
    .getByRole('button', { name: 'Skip' })
    .click()
}

// Kinds' own views beyond the generic list: a node's cordon and drain, a role's rules and "can I…?".
test.describe('dedicated views', () => {
  const app = serveAppAround()

  test('node: drain preview, cordon, drain, uncordon; role: rules and can-i', async ({ page }, testInfo) => {
    const shot = async (name: string): Promise<void> => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`) })
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'drain', 10)
    await skipGuide(page)
    kubectl(app.env, ['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])
    kubectl(app.env, ['create', 'pdb', 'web', '--selector=app=web', '--min-available=1'])
    kubectl(app.env, ['run', 'solo', '--image=nginx'])
    const node = kubectl(app.env, ['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}']).trim()

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Nodes' }).click()
    await page
      .getByRole('grid', { name: /^Nodes/ })
      .getByText(node, { exact: true })
      .click()
    const panel = page.getByRole('dialog', { name: node })
    await panel.getByRole('tab', { name: 'Cordon & drain' }).click()
    await expect(panel.getByText('Schedulable')).toBeVisible()
    // The budget allows one disruption once both web pods are ready; the preview refreshes itself.
    const preview = panel.locator('table.drain-plan')
    await expect(preview.getByText('Blocked by a budget')).toHaveCount(1, { timeout: 30_000 })
    await expect(preview.locator('tr', { hasText: 'solo' })).toContainText('Not managed by a controller')
    await shot('node-drain-preview')

    await panel.getByRole('button', { name: 'Cordon' }).click()
    await expect(panel.getByText('Cordoned', { exact: true })).toBeVisible()
    expect(kubectl(app.env, ['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('true')

    await panel.getByRole('button', { name: 'Drain…' }).click()
    const confirm = page.getByRole('dialog', { name: `Drain node ${node}?` })
    await expect(confirm).toContainText('refused by a disruption budget')
    await confirm.getByRole('button', { name: 'Drain', exact: true }).click()
    const result = panel.locator('.drain-result')
    await expect(result).toContainText('refused by a disruption budget')
    await expect(result).toContainText(/default\/web-.*disruption budget/)
    await expect
      .poll(() => kubectl(app.env, ['get', 'pods', '-o', 'name']), { timeout: 30_000 })
      .not.toContain('pod/solo')
    await shot('node-drain-result')

    await panel.getByRole('button', { name: 'Uncordon' }).click()
    await expect(panel.getByText('Schedulable')).toBeVisible()
    expect(kubectl(app.env, ['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('')

    // A Role's rules as a table, then "can I…?" answered by the API server as this context's user.
    kubectl(app.env, [
      'create',
      'role',
      'pod-reader',
      '--verb=get,list,delete',
      '--resource=pods,deployments.apps',
    ])
    const kinds = page.getByRole('navigation', { name: 'Resources by kind' })
    await kinds.locator('summary', { hasText: 'Access control' }).click()
    await kinds.getByRole('link', { name: 'Roles', exact: true }).click()
    await page
      .getByRole('grid', { name: /^Role objects/ })
      .locator('tr[data-key="default/pod-reader"] .cell-name')
      .click()
    const role = page.getByRole('dialog', { name: 'pod-reader' })
    await role.getByRole('tab', { name: 'Rules' }).click()
    const rules = role.getByRole('table', { name: 'Rules' })
    await expect(rules.locator('tbody tr')).toHaveCount(2)
    await expect(rules.locator('tbody tr', { hasText: 'deployments' })).toContainText('apps')
    await expect(rules.locator('tbody tr', { hasText: 'pods' })).toContainText('core')
    await role.getByLabel('Verb').selectOption('delete')
    await role.getByLabel('Resource').fill('deployments.apps')
    await role.getByRole('button', { name: 'Ask' }).click()
    await expect(role.getByRole('status')).toContainText('Yes: you may delete deployments.apps in default.')
    await shot('role-rules')
  })

  test("cron job: run now, see the Job and its pod's log, suspend and resume; an autoscaler's metrics", async ({
    page,
  }, testInfo) => {
    const shot = async (name: string): Promise<void> => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`) })
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'cron', 10)
    await skipGuide(page)
    kubectl(app.env, [
      'create',
      'cronjob',
      'tick',
      '--image=busybox',
      '--schedule=0 3 * * *',
      '--',
      'echo',
      'hello from tick',
    ])

    const kinds = page.getByRole('navigation', { name: 'Resources by kind' })
    await kinds.locator('summary', { hasText: 'Workloads' }).click()
    await kinds.getByRole('link', { name: 'CronJobs' }).click()
    await page
      .getByRole('grid', { name: /^CronJob objects/ })
      .locator('tr[data-key="default/tick"] .cell-name')
      .click()
    const panel = page.getByRole('dialog', { name: 'tick' })
    await panel.getByRole('tab', { name: 'Schedule & runs' }).click()
    await expect(panel.getByText('0 3 * * * (UTC)')).toBeVisible()
    await expect(panel.getByText('No runs kept.')).toBeVisible()
    await expect(panel.locator('time').first()).toHaveText(/^in \S+ \(/)

    await panel.getByRole('button', { name: 'Run now' }).click()
    await expect(page.getByRole('status').getByText(/^Started job tick-manual-/)).toBeVisible()
    const run = panel.getByRole('table', { name: 'Runs' }).locator('tbody tr').first()
    await expect(run).toContainText('run now')
    await expect(run).toContainText('Complete', { timeout: 30_000 })
    await shot('cronjob-runs')

    await panel.getByRole('button', { name: 'Suspend' }).click()
    await expect(panel.getByText('Suspended: the schedule starts no jobs')).toBeVisible()
    expect(kubectl(app.env, ['get', 'cronjob', 'tick', '-o', 'jsonpath={.spec.suspend}'])).toBe('true')
    await panel.getByRole('button', { name: 'Resume' }).click()
    await expect(panel.getByRole('button', { name: 'Suspend' })).toBeVisible()

    // The run opens in the Jobs view; its pod's log shows what the command printed.
    await run.getByRole('button', { name: /^tick-manual-/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
    const job = page.getByRole('dialog', { name: /^tick-manual-/ })
    await job.getByRole('tab', { name: 'Pods & logs' }).click()
    await expect(job.getByRole('list', { name: 'Pods' }).getByText('Succeeded')).toBeVisible()
    await expect(job.getByText('hello from tick')).toBeVisible({ timeout: 15_000 })
    await shot('job-logs')

    // An autoscaler: its metric against the target and its replica bounds.
    kubectl(app.env, ['create', 'deployment', 'web', '--image=nginx:1.27'])
    kubectl(app.env, ['set', 'resources', 'deployment/web', '--requests=cpu=100m'])
    kubectl(app.env, ['autoscale', 'deployment/web', '--cpu-percent=50', '--min=1', '--max=4'])
    await kinds.locator('summary', { hasText: 'Config' }).click()
    await kinds.getByRole('link', { name: 'HorizontalPodAutoscalers' }).click()
    await page
      .getByRole('grid', { name: /^HorizontalPodAutoscaler objects/ })
      .locator('tr[data-key="default/web"] .cell-name')
      .click()
    const hpa = page.getByRole('dialog', { name: 'web' })
    await hpa.getByRole('tab', { name: 'Scaling' }).click()
    await expect(hpa.getByText('between 1 and 4 replicas')).toBeVisible()
    await expect(hpa.getByRole('table', { name: 'Metrics' }).locator('tbody tr')).toContainText(['cpu'])
    await expect(hpa.getByRole('table', { name: 'Metrics' }).locator('tbody tr').first()).toContainText('50%')
    await shot('hpa')
  })

  test('stateful set: pods by ordinal, scale; a kube-system pod leads to its DaemonSet', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'sets', 10)
    await skipGuide(page)
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 2,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'db', image: 'nginx' }] },
        },
      },
    }
    execFileSync('kubectl', ['apply', '-f', '-'], {
      env: app.env,
      input: JSON.stringify(sts),
      encoding: 'utf8',
    })
    const kinds = page.getByRole('navigation', { name: 'Resources by kind' })
    await kinds.locator('summary', { hasText: 'Workloads' }).click()
    await kinds.getByRole('link', { name: 'StatefulSets' }).click()
    await page
      .getByRole('grid', { name: /^StatefulSet objects/ })
      .locator('tr[data-key="default/db"] .cell-name')
      .click()
    const panel = page.getByRole('dialog', { name: 'db' })
    await panel.getByRole('tab', { name: 'Pods & scale' }).click()
    await expect(panel.getByText('2 of 2 ready')).toBeVisible({ timeout: 30_000 })
    await panel.getByRole('spinbutton', { name: 'Replicas' }).fill('3')
    await panel.getByRole('spinbutton', { name: 'Replicas' }).press('Enter')
    await expect(panel.getByText('3 of 3 ready')).toBeVisible({ timeout: 30_000 })
    const rows = panel.getByRole('table', { name: 'Pods' }).locator('tbody tr')
    await expect(rows).toHaveText([/^0\s*db-0/, /^1\s*db-1/, /^2\s*db-2/])
    expect(kubectl(app.env, ['get', 'sts', 'db', '-o', 'jsonpath={.spec.replicas}'])).toBe('3')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: testInfo.outputPath(`statefulset-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })

    // Roll it back: a new image makes revision 2; rolling back to revision 1 restores the first image.
    await panel.getByRole('tab', { name: 'Rollout' }).click()
    await panel.getByLabel('New image for db').fill('nginx:1.27')
    await panel.getByRole('button', { name: 'Set image' }).click()
    const timeline = panel.getByRole('list', { name: 'Revisions' })
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Revision 2' })).toContainText('current')
    await expect(panel.getByRole('status', { name: 'Rollout status' })).toHaveText(
      'partitioned roll out complete: 3 new pods have been updated...',
      { timeout: 30_000 },
    )
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: testInfo.outputPath(`statefulset-rollout-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
    const first = timeline.getByRole('listitem').filter({ hasText: 'Revision 1' })
    await first.getByRole('button', { name: 'Roll back to this revision' }).click()
    const confirm = page.getByRole('dialog', { name: 'Roll back db to revision 1?' })
    await expect(confirm.locator('.diff-line.removed', { hasText: 'nginx:1.27' })).toBeVisible()
    await confirm.getByRole('button', { name: 'Roll back to revision 1' }).click()
    await expect(page.getByRole('status').getByText('Rolled db back to revision 1.')).toBeVisible()
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Revision 3' })).toContainText('current')
    expect(
      kubectl(app.env, ['get', 'sts', 'db', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
    ).toBe('nginx')

    // kube-system's DaemonSet: its pods per node; one pod's owner link leads back to the DaemonSet.
    const ds = kubectl(app.env, [
      'get',
      'ds',
      '-n',
      'kube-system',
      '-o',
      'jsonpath={.items[0].metadata.name}',
    ]).trim()
    await kinds.getByRole('link', { name: 'DaemonSets' }).click()
    await page
      .getByRole('grid', { name: /^DaemonSet objects/ })
      .locator(`tr[data-key="kube-system/${ds}"] .cell-name`)
      .click()
    const daemon = page.getByRole('dialog', { name: ds })
    await daemon.getByRole('tab', { name: 'Pods per node' }).click()
    const pod = daemon.getByRole('table', { name: 'Pods' }).locator('tbody tr').first().getByRole('button')
    await pod.click()
    const podPanel = page.getByRole('dialog', { name: new RegExp(`^${ds}-`) })
    await expect(podPanel.getByText('Pod · kube-system')).toBeVisible()
    await podPanel.getByRole('button', { name: new RegExp(`DaemonSet ${ds}`) }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'DaemonSets' })).toBeVisible()
    await expect(page.getByRole('dialog', { name: ds })).toBeVisible()
  })

  test('ingress: routes to a Service and its pods, a missing Service said, the URL opens; claim: why Pending, then its pod', async ({
    page,
  }, testInfo) => {
    const shot = async (name: string): Promise<void> => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`) })
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'routes', 10)
    await skipGuide(page)
    kubectl(app.env, ['create', 'deployment', 'shop', '--image=nginx', '--replicas=2'])
    kubectl(app.env, ['expose', 'deployment', 'shop', '--port=80', '--target-port=8080'])
    kubectl(app.env, [
      'create',
      'ingress',
      'front',
      '--rule=shop.localhost/*=shop:80',
      '--rule=shop.localhost/api*=orders:80',
    ])

    const kinds = page.getByRole('navigation', { name: 'Resources by kind' })
    await kinds.locator('summary', { hasText: 'Network' }).click()
    await kinds.getByRole('link', { name: 'Ingresses' }).click()
    await page
      .getByRole('grid', { name: /^Ingress objects/ })
      .locator('tr[data-key="default/front"] .cell-name')
      .click()
    const panel = page.getByRole('dialog', { name: 'front' })
    await panel.getByRole('tab', { name: 'Routes' }).click()
    const routes = panel.getByRole('list', { name: 'Routes' })
    const shop = routes
      .getByRole('listitem')
      .filter({ hasText: 'shop.localhost/' })
      .filter({ hasNotText: '/api' })
      .first()
    // Both replicas ready behind the Service, and the controller's address once it admits the ingress.
    await expect(shop.getByRole('list', { name: 'Pods' }).getByText('Ready')).toHaveCount(2, {
      timeout: 30_000,
    })
    await expect(panel.getByText('localhost', { exact: true })).toBeVisible({ timeout: 30_000 })
    await expect(shop).toContainText('80/TCP → 8080')
    await expect(routes.getByRole('listitem').filter({ hasText: 'shop.localhost/api' })).toContainText(
      'Service "orders" does not exist in namespace "default": the controller answers 503 for this path.',
    )
    await expect(panel.getByRole('note')).toHaveCount(0)
    await shot('ingress-routes')

    const open = shop.getByRole('link', { name: /^Open http:\/\/shop\.localhost:\d+\/$/ })
    const popup = page.waitForEvent('popup')
    await open.click()
    const opened = await popup
    await expect(opened.locator('body')).toContainText(/Hello from shop-[a-z0-9]+-[a-z0-9]+ \(image nginx\)/)
    await opened.close()

    // A pod behind the route opens in the pods view.
    const podName =
      (await shop.getByRole('list', { name: 'Pods' }).getByRole('button').first().textContent()) ?? ''
    await shop.getByRole('button', { name: podName }).click()
    await expect(page.getByRole('dialog', { name: podName })).toBeVisible()

    // A claim of kind's default class waits for its first pod, and says so in words.
    const claim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    }
    execFileSync('kubectl', ['apply', '-f', '-'], {
      env: app.env,
      input: JSON.stringify(claim),
      encoding: 'utf8',
    })
    await kinds.locator('summary', { hasText: 'Storage' }).click()
    await kinds.getByRole('link', { name: 'PersistentVolumeClaims' }).click()
    await page
      .getByRole('grid', { name: /^PersistentVolumeClaim objects/ })
      .locator('tr[data-key="default/data"] .cell-name')
      .click()
    const pvc = page.getByRole('dialog', { name: 'data' })
    await pvc.getByRole('tab', { name: 'Storage' }).click()
    await expect(pvc.getByRole('note', { name: 'Why it waits' })).toContainText(
      'No pod uses this claim yet, so it stays Pending until one does. That is normal.',
    )
    await expect(pvc.getByRole('table', { name: 'What the controllers said' })).toContainText(
      'WaitForFirstConsumer',
    )
    await shot('claim-pending')

    const user = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'writer', namespace: 'default' },
      spec: {
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      },
    }
    execFileSync('kubectl', ['apply', '-f', '-'], {
      env: app.env,
      input: JSON.stringify(user),
      encoding: 'utf8',
    })
    await expect(pvc.getByText('· it has its volume')).toBeVisible({ timeout: 30_000 })
    await expect(pvc.getByRole('list', { name: 'Pods' }).getByText('Ready')).toBeVisible({ timeout: 30_000 })
    await expect(pvc.getByRole('button', { name: 'standard' })).toBeVisible()
    await shot('claim-bound')

    // The volume: bound to this claim, deleted with it (kind's class reclaims with Delete), on one node.
    const volume = kubectl(app.env, ['get', 'pvc', 'data', '-o', 'jsonpath={.spec.volumeName}']).trim()
    await pvc.getByRole('button', { name: volume }).click()
    const pv = page.getByRole('dialog', { name: volume })
    await pv.getByRole('tab', { name: 'Storage' }).click()
    await expect(pv.getByText(/^Holds the data of claim default\/data\./)).toBeVisible()
    await expect(pv.getByRole('button', { name: 'default/data' })).toBeVisible()
    await shot('volume')
    // Its class: kind's default, volumes made for the first pod, and the claims and volumes of the class.
    await pv.getByRole('button', { name: 'standard' }).click()
    const sc = page.getByRole('dialog', { name: 'standard' })
    await sc.getByRole('tab', { name: 'Claims & volumes' }).click()
    await expect(sc.getByText('It is this cluster’s default')).toBeVisible()
    await expect(sc.getByRole('table', { name: 'Claims' }).locator('tbody tr')).toContainText([
      'default/dataBound',
    ])
    await expect(sc.getByRole('table', { name: 'Volumes' }).locator('tbody tr')).toContainText([volume])
    await shot('storage-class')
    await sc.getByRole('button', { name: 'default/data' }).click()
    const back = page.getByRole('dialog', { name: 'data' })
    await back.getByRole('tab', { name: 'Storage' }).click()
    await back.getByRole('list', { name: 'Pods' }).getByRole('button', { name: 'writer' }).click()
    await expect(page.getByRole('dialog', { name: 'writer' })).toBeVisible()

    // The palette finds the Ingress by name (a built-in kind the app does not watch unasked) and opens it.
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: /command/i })
    await palette.getByRole('combobox').fill('fron')
    await palette.getByRole('option', { name: /front/ }).filter({ hasText: 'Ingress' }).click()
    await expect(page.getByRole('dialog', { name: 'front' }).getByText('Ingress · default')).toBeVisible()
  })
})
