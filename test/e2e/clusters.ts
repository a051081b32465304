import { expect, type Page } from '@playwright/test'

/**
 * Creates a sandbox cluster the way a person does (Clusters → New cluster → Sandbox) and waits for its context.
 * `speed` picks the dialog's simulated-time multiplier: specs that wait for pods to start, roll out or back off
 * take ×10, so those waits cost a tenth of their real seconds (the sandbox's own tests step a manual clock; the
 * app's sandbox runs on the real one).
 */
export async function createSandboxCluster(
  page: Page,
  name: string,
  speed: 1 | 2 | 5 | 10 = 1,
): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clusters' }).click()
  await page.getByRole('button', { name: 'New cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'New cluster' })
  await dialog.getByRole('radio', { name: /Sandbox/ }).check()
  await dialog.getByLabel('Name').fill(name)
  if (speed !== 1) {
    await dialog.getByLabel('Speed (simulated time)').selectOption(String(speed))
    await expect(dialog.getByText(new RegExp(`time ×${speed}`))).toBeVisible()
  }
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('button', { name: `Context: sandbox-${name}` })).toBeVisible({
    timeout: 30_000,
  })
}
