import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronBinary } from '../../scripts/electron-binary.mjs'

const binary = electronBinary()

test.describe('Electron shell', () => {
  // Reported as skipped, with the reason, where the binary cannot be had (offline machines).
  test.skip(!binary.path, `Electron unavailable: ${binary.reason ?? ''}`)

  test('System panel over IPC reports kubectl’s own version', async () => {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
    const home = mkdtempSync(join(tmpdir(), 'skiff-electron-'))
    const app = await electron.launch({
      executablePath: binary.path,
      args: ['--no-sandbox', '.'],
      env: { ...process.env, HOME: home, KUBECONFIG: join(home, '.kube', 'config') },
    })
    try {
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]
        // getLastWebPreferences exists at run time (Electron 45) though not in every typings release.
        const wc = w?.webContents as unknown as
          { getLastWebPreferences(): Record<string, unknown> } | undefined
        const p = wc?.getLastWebPreferences()
        return {
          contextIsolation: p?.contextIsolation,
          sandbox: p?.sandbox,
          nodeIntegration: p?.nodeIntegration,
        }
      })
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
      const page = await app.firstWindow()
      await page.getByRole('link', { name: 'System' }).click()
      const out = execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' })
      const version = (JSON.parse(out) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion
      const row = page
        .getByRole('table', { name: 'Tools on PATH' })
        .getByRole('row')
        .filter({ hasText: 'kubectl' })
      await expect(row.getByRole('cell').nth(1)).toHaveText(version)
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      )
    } finally {
      await app.close()
    }
  })
})
