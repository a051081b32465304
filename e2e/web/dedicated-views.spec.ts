import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

// The guided first run (shown for sandbox contexts) sits over the sidebar's lower part, where the kinds' links are.
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
    await createSandboxCluster(page, 'drain')
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
    await createSandboxCluster(page, 'cron')
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
    await createSandboxCluster(page, 'sets')
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
})
