import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { serveApp, type ServedApp } from '../../test/e2e/serve'
import { kubectl, writeTwoContextKubeconfig } from '../../test/e2e/kubeconfig'

let app: ServedApp
let original: string
test.beforeAll(async () => {
  app = await serveApp()
  original = writeTwoContextKubeconfig(app.env.KUBECONFIG!)
})
test.afterAll(async () => {
  await app.stop()
})

test('switching contexts in Skiff is what kubectl sees, and the other way round', async ({
  page,
}, testInfo) => {
  await page.goto(app.url)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contexts' }).click()
  const table = page.getByRole('table', { name: 'Contexts' })
  await expect(table.getByRole('row', { name: /alpha/ })).toContainText('current')
  await expect(page.getByRole('button', { name: /Context: alpha/ })).toBeVisible()

  await table.getByRole('button', { name: 'Use beta' }).click()
  await expect(page.getByRole('status')).toContainText('Switched the current context to “beta”')
  expect(kubectl(app.env, ['config', 'current-context'])).toBe('beta')
  // Only the current-context line changed: comment, unknown field and order kept.
  const after = readFileSync(app.env.KUBECONFIG!, 'utf8')
  expect(after).toBe(original.replace('current-context: alpha', 'current-context: beta'))
  await page.screenshot({ path: testInfo.outputPath('contexts.png'), fullPage: true })

  // A change made in a terminal reaches the app without a reload.
  kubectl(app.env, ['config', 'use-context', 'alpha'])
  await expect(page.getByRole('button', { name: /Context: alpha/ })).toBeVisible({ timeout: 3000 })
  await expect(table.getByRole('row', { name: /alpha/ })).toContainText('current')
})

test('Ctrl+K opens the command palette; typing a context and Enter switch', async ({ page }) => {
  await page.goto(app.url)
  await expect(page.getByRole('button', { name: /Context: / })).toBeVisible()
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Command palette' })
  await expect(dialog).toBeVisible()
  await page.keyboard.type('bet')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: /Context: beta/ })).toBeVisible()
  expect(kubectl(app.env, ['config', 'current-context'])).toBe('beta')
})

test('rename and set namespace round-trip through kubectl', async ({ page }) => {
  await page.goto(app.url + '#contexts')
  await page.goto(`${app.origin}/#contexts`)
  const table = page.getByRole('table', { name: 'Contexts' })
  await table.getByRole('button', { name: 'Set namespace of alpha' }).click()
  const nsDialog = page.getByRole('dialog', { name: 'Default namespace of alpha' })
  await nsDialog.getByLabel(/Namespace/).fill('Bad_Name')
  await expect(nsDialog.getByText('Use lowercase letters')).toBeVisible()
  await nsDialog.getByLabel(/Namespace/).fill('dev')
  await nsDialog.getByRole('button', { name: 'Save' }).click()
  await expect(table.getByRole('row', { name: /alpha/ })).toContainText('dev')
  expect(
    kubectl(app.env, ['config', 'view', '-o', 'jsonpath={.contexts[?(@.name=="alpha")].context.namespace}']),
  ).toBe('dev')

  await table.getByRole('button', { name: 'Rename alpha' }).click()
  const renameDialog = page.getByRole('dialog', { name: 'Rename alpha' })
  await renameDialog.getByLabel('New name').fill('alpha-renamed')
  await renameDialog.getByRole('button', { name: 'Rename' }).click()
  await expect(table.getByRole('row', { name: /alpha-renamed/ })).toBeVisible()
  expect(kubectl(app.env, ['config', 'get-contexts', '-o', 'name']).split('\n').sort()).toEqual([
    'alpha-renamed',
    'beta',
  ])
})
