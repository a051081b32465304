import { expect, type Page } from '@playwright/test'

/** Creates a sandbox cluster the way a person does (Clusters → New cluster → Sandbox) and waits for its context. */
export async function createSandboxCluster(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clusters' }).click()
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: /Sandbox/ }).check()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('button', { name: `Context: sandbox-${name}` })).toBeVisible({
    timeout: 30_000,
  })
}
