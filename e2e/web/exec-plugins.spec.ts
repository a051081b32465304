import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { serveApp, type ServedApp } from '../../test/e2e/serve'
import { writeTwoContextKubeconfig } from '../../test/e2e/kubeconfig'
import { execPluginKubeconfig } from '../../test/fixtures/exec-kubeconfig'

// Issue #21 item 4: a kubeconfig's exec plugin is shown and allowed before it is imported or first run.
let app: ServedApp
let plugin: string
let marker: string
test.beforeAll(async () => {
  app = await serveApp()
  marker = join(app.home, 'plugin-ran')
  plugin = join(app.home, 'get-token.sh')
  writeFileSync(
    plugin,
    `#!/bin/sh\necho "$@" >> ${marker}\necho '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}'\n`,
  )
  chmodSync(plugin, 0o755)
  writeTwoContextKubeconfig(app.env.KUBECONFIG!)
})
test.afterAll(async () => {
  await app.stop()
})

const execConfig = (name: string, current = false): string =>
  execPluginKubeconfig(name, plugin, ['eks', 'get-token', '--cluster-name', name], current)

test('import shows the command and asks; the first use of a context asks once before running it', async ({
  page,
}, testInfo) => {
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contexts' }).click()
  await page.getByLabel('File to import').setInputFiles({
    name: 'eks.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(execConfig('eks-prod')),
  })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const ask = page.getByRole('dialog', { name: 'This kubeconfig runs commands' })
  await expect(ask.getByRole('list', { name: 'Commands' })).toContainText(
    `${plugin} eks get-token --cluster-name eks-prod`,
  )
  await page.screenshot({ path: testInfo.outputPath('import-asks.png') })
  await ask.getByRole('button', { name: 'Cancel' }).click()
  expect(readFileSync(app.env.KUBECONFIG!, 'utf8')).not.toContain('eks-prod')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await ask.getByRole('button', { name: 'Allow and import' }).click()
  await expect(page.getByRole('status')).toContainText('Imported eks.yaml')
  expect(readFileSync(app.env.KUBECONFIG!, 'utf8')).toContain('eks-prod')
  expect(existsSync(marker)).toBe(false) // importing never runs it

  // A context already in the kubeconfig (put there by hand): its first use asks, and nothing runs before.
  writeFileSync(app.env.KUBECONFIG!, execConfig('eks-dev', true))
  await expect(page.getByRole('button', { name: /Context: eks-dev/ })).toBeVisible()
  // The sidebar discovers the new context's kinds at once: that is its first use, so the question comes now.
  const first = page.getByRole('dialog', { name: 'Allow this context to run a command?' })
  await expect(first.getByRole('list', { name: 'Commands' })).toContainText(
    `${plugin} eks get-token --cluster-name eks-dev`,
  )
  await page.screenshot({ path: testInfo.outputPath('first-use-asks.png') })
  expect(existsSync(marker)).toBe(false)
  await first.getByRole('button', { name: 'Allow and run' }).click()
  await expect(first).toBeHidden()
  // The shell creates the marker (>>) before echo writes its line: wait for the line, not the file.
  await expect
    .poll(() => (existsSync(marker) ? readFileSync(marker, 'utf8') : ''))
    .toContain('eks get-token --cluster-name eks-dev')
  // Asked once: a reload runs it again without asking.
  await page.reload()
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Workloads' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workloads' })).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Allow this context to run a command?' })).toBeHidden()
})
