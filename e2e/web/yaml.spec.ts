import { expect, test, type Locator, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: shop
          image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: shop
  namespace: default
spec:
  selector:
    app: shop
  ports:
    - port: 80
`

/** Pastes text into a CodeMirror editor the way the clipboard does (one paste event, replacing the selection). */
async function paste(editor: Locator, text: string): Promise<void> {
  await editor.click()
  await editor.press('ControlOrMeta+a')
  await editor.evaluate((el, value) => {
    // Runs in the page; this file is type-checked without the DOM library, so name the two classes it needs.
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void }
      ClipboardEvent: new (type: string, init: object) => Event
    }
    const data = new page.DataTransfer()
    data.setData('text/plain', value)
    el.dispatchEvent(
      new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

/** Edits the first line that reads `key: value` by keyboard: to its end, delete `old`, type `typed`. */
async function retype(editor: Locator, line: string, old: string, typed: string): Promise<void> {
  const exact = (text: string): RegExp => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  await editor
    .locator('.cm-line', { hasText: exact(line) })
    .first()
    .click()
  await editor.press('End')
  for (let i = 0; i < old.length; i++) await editor.press('Backspace')
  await editor.pressSequentially(typed)
  await expect(
    editor.locator('.cm-line', { hasText: exact(line.slice(0, -old.length) + typed) }).first(),
  ).toBeVisible()
}

async function shots(page: Page, path: (name: string) => string, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: path(`${name}-light.png`) })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: path(`${name}-dark.png`) })
  await page.emulateMedia({ colorScheme: 'light' })
}

test.describe('yaml', () => {
  const app = serveAppAround()

  test('paste, preview two new objects, apply; edit the image, preview one line, save, a new revision', async ({
    page,
  }, testInfo) => {
    // One long walk (drop, completion, paste, preview, apply, edit, save, a conflict, apply again): 13-15 s in
    // the clean-clone CI runs, 48 s in a full run at load ~18: the 60 s default was nearly spent by the work.
    test.setTimeout(120_000)
    const out = (name: string): string => testInfo.outputPath(name)
    const violations: string[] = []
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'yaml', 10)

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Apply YAML' }).click()
    const editor = page.getByRole('textbox', { name: 'Manifest YAML' })
    // A file dropped on the editor opens in it.
    await editor.evaluate((el) => {
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } }
        File: new (parts: string[], name: string, init: object) => unknown
        DragEvent: new (type: string, init: object) => Event
      }
      const data = new page.DataTransfer()
      data.items.add(new page.File(['kind: ConfigMap\n'], 'cm.yaml', { type: 'text/yaml' }))
      el.dispatchEvent(new page.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    await expect(editor).toContainText('kind: ConfigMap')
    // Schema help comes from the cluster's own OpenAPI: completion with types and docs, unknown fields flagged.
    await paste(
      editor,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n  colour: red\nspec:\n  rep',
    )
    await editor.press('End')
    await editor.press('Control+Space')
    const completion = page.getByRole('listbox').getByRole('option', { name: /replicas/ })
    await expect(completion).toContainText('integer')
    await expect(page.locator('.cm-lint-marker-warning')).toHaveCount(1)
    await shots(page, out, 'yaml-editor-completion')
    await editor.press('Escape')
    await paste(editor, manifest)
    await expect(editor).toContainText('kind: Service')

    await page.getByRole('button', { name: 'Preview' }).click()
    const preview = page.getByRole('region', { name: 'Preview' })
    await expect(preview.getByRole('heading')).toHaveText('Preview: 2 new')
    await expect(preview.getByRole('listitem').filter({ hasText: 'Deployment default/shop' })).toContainText(
      'new',
    )
    await expect(preview.getByRole('listitem').filter({ hasText: 'Service default/shop' })).toContainText(
      'new',
    )
    expect(kubectl(app.env, ['get', 'deploy,svc', '-n', 'default', '-o', 'name'])).not.toContain('shop')
    await shots(page, out, 'yaml-preview')

    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    const applied = page.getByRole('region', { name: 'Apply result' })
    await expect(applied.getByRole('heading')).toHaveText('Applied: 2 created')
    const activity = page.getByRole('region', { name: 'Activity this session' })
    await expect(activity.getByRole('row').nth(1)).toContainText('2 created')

    // Both are live in their lists.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Network' }).click()
    await expect(page.locator('tr[data-key="default/shop"]').first()).toBeVisible()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Deployments' }).click()
    const row = page.getByRole('grid', { name: /^Deployments/ }).locator('tr[data-key="default/shop"]')
    await expect(row).toBeVisible()

    // Edit the live object: change the image, preview shows one changed line, save makes revision 2.
    await row.locator('.cell-name', { hasText: 'shop' }).click()
    const panel = page.getByRole('dialog', { name: 'shop' })
    await panel.getByRole('tab', { name: 'YAML' }).click()
    await panel.getByRole('button', { name: 'Edit' }).click()
    const edit = panel.getByRole('textbox', { name: 'YAML of Deployment shop' })
    await expect(edit).toContainText('image: nginx:1.27')
    await expect(edit).not.toContainText('managedFields')
    await shots(page, out, 'yaml-editor')
    await retype(edit, 'image: nginx:1.27', '27', '28')
    await panel.getByRole('button', { name: 'Preview changes' }).click()
    await expect(panel.getByText('1 changed line.')).toBeVisible()
    await expect(panel.getByRole('list', { name: 'The server did not keep everything' })).toHaveCount(0)
    await expect(panel.locator('.diff-line.removed', { hasText: 'nginx:1.27' })).toBeVisible()
    await expect(panel.locator('.diff-line.added', { hasText: 'nginx:1.28' })).toBeVisible()
    await shots(page, out, 'yaml-edit-preview')
    await panel.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
    await expect
      .poll(() => kubectl(app.env, ['rollout', 'history', 'deployment/shop', '-n', 'default']))
      .toMatch(/^2\s/m)
    await panel.getByRole('tab', { name: 'Scale & rollout' }).click()
    await expect(panel.getByRole('list', { name: 'Revisions' }).getByText('Revision 2')).toBeVisible()

    // A true conflict: kubectl scales while the editor holds replicas 1 → 3; Save stops with yours/theirs/base.
    await panel.getByRole('tab', { name: 'YAML' }).click()
    await panel.getByRole('button', { name: 'Edit' }).click()
    const again = panel.getByRole('textbox', { name: 'YAML of Deployment shop' })
    await expect(again).toContainText('image: nginx:1.28')
    kubectl(app.env, ['scale', 'deployment/shop', '-n', 'default', '--replicas=4'])
    await retype(again, 'replicas: 1', '1', '3')
    await panel.getByRole('button', { name: 'Save', exact: true }).click()
    const conflict = panel.getByRole('table', { name: 'Changed by someone else since you opened it' })
    await expect(conflict.getByRole('row').nth(1)).toContainText('spec.replicas')
    await expect(conflict.getByRole('row').nth(1)).toContainText('3')
    await expect(conflict.getByRole('row').nth(1)).toContainText('4')
    await shots(page, out, 'yaml-edit-conflict')
    expect(
      kubectl(app.env, ['get', 'deploy', 'shop', '-n', 'default', '-o', 'jsonpath={.spec.replicas}']),
    ).toBe('4')

    // Applying the manifest again now meets kubectl's ownership of spec.replicas: listed, then taken over.
    await panel.getByRole('button', { name: 'Close details (Esc)' }).click()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Apply YAML' }).click()
    await paste(page.getByRole('textbox', { name: 'Manifest YAML' }), manifest)
    await page.getByRole('button', { name: 'Preview' }).click()
    const owned = page.getByRole('table', { name: 'Fields another manager owns' })
    // kubectl scale took spec.replicas; Skiff's own edit (an update, not an apply) holds the image.
    await expect(owned.getByRole('row').filter({ hasText: '.spec.replicas' })).toContainText('kubectl')
    await expect(owned.getByRole('row').filter({ hasText: '.image' })).toContainText('skiff (update)')
    await shots(page, out, 'yaml-apply-conflict')
    await page.getByRole('button', { name: 'Take ownership and apply' }).click()
    await expect(page.getByRole('region', { name: 'Apply result' }).getByRole('heading')).toHaveText(
      'Applied: 1 configured, 1 unchanged',
    )
    expect(
      kubectl(app.env, ['get', 'deploy', 'shop', '-n', 'default', '-o', 'jsonpath={.spec.replicas}']),
    ).toBe('1')
    expect(violations).toEqual([])
  })
})
