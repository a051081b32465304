import net from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { serveAppAround } from '../../test/e2e/served'
import { kubectl } from '../../test/e2e/kubeconfig'
import { createSandboxCluster } from '../../test/e2e/clusters'

// A shell in a pod and a port forward from a Service, as a person does them, in web mode.

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

async function shoot(page: Page, path: (name: string) => string, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: path(`${name}-light.png`) })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: path(`${name}-dark.png`) })
  await page.emulateMedia({ colorScheme: 'light' })
}

test.describe('terminal and port-forward', () => {
  const app = serveAppAround()

  test('a shell in a pod runs hostname; a Service forward serves nginx, then stops and frees its port', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(120_000) // one long walk: shell, copy/paste, dock, tabs, reconnect, forward
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text()) && !/inline style/.test(m.text()))
        violations.push(m.text())
    })
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(app.url)
    await createSandboxCluster(page, 'term', 10)
    kubectl(app.env, ['create', 'deployment', 'web', '--image=nginx:1.27', '--port=80'])
    kubectl(app.env, ['create', 'service', 'clusterip', 'web', '--tcp=8080:80'])

    const sections = page.getByRole('navigation', { name: 'Sections' })
    await sections.getByRole('link', { name: 'Workloads' }).click()
    await page.getByRole('tab', { name: 'Pods' }).click()
    const pod = page.getByRole('row', { name: / web-/ }).first()
    await expect(pod).toContainText('Running', { timeout: 30_000 })
    const podName = ((await pod.getAttribute('data-key')) ?? '').replace(/^.*\//, '')
    await pod.click()
    const panel = page.getByRole('dialog', { name: podName })
    await panel.getByRole('tab', { name: 'Shell' }).click()
    await panel.getByRole('button', { name: 'Open shell' }).click()
    const terminal = panel.getByRole('region', { name: /^Terminal: / })
    await expect(terminal.getByText('Connected · bash')).toBeVisible()
    const screen = terminal.locator('.xterm-rows')
    await expect(screen).toContainText('#')
    await terminal.locator('.terminal-box').click()
    await page.keyboard.type('hostname\r')
    await expect(screen).toContainText(new RegExp(`hostname\\s*${podName}`))
    // Copy and paste as terminals do: Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes into the shell.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin })
    // xterm takes the mouse on its own layer above the rows: double-click where the word is drawn.
    const word = await screen.getByText(podName, { exact: true }).first().boundingBox()
    if (!word) throw new Error('the hostname line is not on screen')
    await page.mouse.dblclick(word.x + word.width / 2, word.y + word.height / 2)
    await page.keyboard.press('Control+Shift+C')
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(podName)
    await page.evaluate(`navigator.clipboard.writeText('echo pasted-text')`)
    await page.keyboard.press('Control+Shift+V')
    await page.keyboard.press('Enter')
    await expect(screen).toContainText(/echo pasted-text\s*pasted-text/)
    // Once: Chromium's own paste on Ctrl+Shift+V doubled it ("echo pasted-textecho pasted-text").
    await expect(screen).not.toContainText('pasted-textecho')
    await page.keyboard.press('Escape') // the shell's key: the panel stays open
    await expect(panel).toBeVisible()
    await shoot(page, (n) => testInfo.outputPath(n), 'terminal')

    // Popped out, the same session (with its scrollback) moves to the dock and outlives the panel.
    await terminal.getByRole('button', { name: 'To dock' }).click()
    const dock = page.getByRole('region', { name: 'Terminals' })
    await expect(dock.locator('.xterm-rows')).toContainText(podName)
    await panel.getByRole('button', { name: 'Close details (Esc)' }).click()
    await dock.locator('.terminal-box').click()
    await page.keyboard.type('echo still-here\r')
    await expect(dock.locator('.xterm-rows')).toContainText(/echo still-here\s*still-here/)
    await shoot(page, (n) => testInfo.outputPath(n), 'terminal-dock')

    // Into a tab of its own: the running session moves there with its scrollback, and types there.
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      dock.getByRole('button', { name: 'Open in new tab' }).click(),
    ])
    await tab.setViewportSize({ width: 1000, height: 640 })
    const popped = tab.getByRole('region', { name: `Terminal: ${podName} · nginx` })
    const tabScreen = popped.locator('.xterm-rows')
    await expect(popped.getByText('Connected · bash')).toBeVisible()
    await expect(tabScreen).toContainText(/echo still-here\s*still-here/)
    await popped.locator('.terminal-box').click()
    await tab.keyboard.type('echo from-tab; hostname\r')
    await expect(tabScreen).toContainText(new RegExp(`from-tab\\s*${podName}`))
    // Neither the token nor the used ticket stays in the tab's address.
    expect(new URL(tab.url()).hash).toBe('#terminal')
    await expect(tab).toHaveTitle(`${podName} · nginx — Skiff`)
    const away = dock.getByRole('status')
    await expect(away).toContainText('This terminal moved to its own tab')
    await shoot(tab, (n) => testInfo.outputPath(n), 'terminal-tab')
    await shoot(page, (n) => testInfo.outputPath(n), 'terminal-away')

    // Brought back, it carries what was typed in the tab; the tab says where it went.
    await away.getByRole('button', { name: 'Bring it back' }).click()
    await expect(dock.locator('.xterm-rows')).toContainText(new RegExp(`from-tab\\s*${podName}`))
    await expect(tab.getByRole('status')).toContainText('went back to the tab it came from')
    await shoot(tab, (n) => testInfo.outputPath(n), 'terminal-tab-back')
    await tab.close()
    await dock.locator('.terminal-box').click()
    await page.keyboard.type('echo back-home\r')
    await expect(dock.locator('.xterm-rows')).toContainText(/echo back-home\s*back-home/)

    // A made-up ticket starts nothing and says so.
    const forged = await context.newPage()
    await forged.goto(`${app.url}&terminal=${'A'.repeat(32)}`)
    await expect(forged.getByRole('alert')).toContainText('This terminal link is not valid')
    await shoot(forged, (n) => testInfo.outputPath(n), 'terminal-forged')
    await forged.close()

    // Popped out again, its pod is deleted: the shell ends in the tab (and the dock hears of it), and
    // Reconnect there finds the Deployment's replacement pod.
    const [tab2] = await Promise.all([
      context.waitForEvent('page'),
      dock.getByRole('button', { name: 'Open in new tab' }).click(),
    ])
    const again = tab2.getByRole('region', { name: /^Terminal: / })
    await expect(again.getByText('Connected · bash')).toBeVisible()
    kubectl(app.env, ['delete', 'pod', podName, '--wait=false'])
    await expect(again.locator('.xterm-rows')).toContainText('exit code 137: killed')
    await expect(dock.getByText('Ended', { exact: true })).toBeVisible()
    // The first click may come before the replacement runs (then it fails and offers Reconnect again).
    await expect(async () => {
      await again.getByRole('button', { name: 'Reconnect' }).click({ timeout: 2_000 })
      await expect(again.getByText('Connected · bash')).toBeVisible({ timeout: 5_000 })
    }).toPass({ timeout: 60_000 })
    const replacement = (await tab2.getByRole('heading', { level: 1 }).textContent()) ?? ''
    expect(replacement).toMatch(/^web-/)
    expect(replacement).not.toBe(podName)
    await again.locator('.terminal-box').click()
    await tab2.keyboard.type('hostname\r')
    await expect(again.locator('.xterm-rows')).toContainText(new RegExp(`hostname\\s*${replacement}`))
    await tab2.close()
    await expect(dock.getByText('Ended', { exact: true })).toBeVisible()

    await dock.getByRole('button', { name: /^Close terminal / }).click()
    await expect(dock).toHaveCount(0)

    await sections.getByRole('link', { name: 'Network' }).click()
    await page.getByRole('row', { name: / web / }).first().click()
    const svcPanel = page.getByRole('dialog', { name: 'web' })
    await svcPanel.getByRole('tab', { name: 'Port forward' }).click()
    await svcPanel.getByRole('button', { name: 'Forward 8080' }).click()
    const link = svcPanel.getByRole('status').getByRole('link', { name: /^http:\/\/127\.0\.0\.1:\d+$/ })
    const url = (await link.textContent()) ?? ''
    const port = Number(new URL(url).port)
    const site = await context.newPage()
    await site.goto(url)
    await expect(site.getByRole('heading', { name: 'Welcome to nginx!' })).toBeVisible()
    await site.close()

    await sections.getByRole('link', { name: 'Ports' }).click()
    const row = page.getByRole('row', { name: new RegExp(url.replace(/[.]/g, '\\.')) })
    await expect(row).toContainText('Service default/web:8080')
    await expect(row).toContainText('Active')
    await shoot(page, (n) => testInfo.outputPath(n), 'ports')
    await row.getByRole('button', { name: 'Stop' }).click()
    await expect(page.getByText('No port forwards')).toBeVisible()
    await expect.poll(() => portIsFree(port)).toBe(true)
    expect(violations).toEqual([])
  })
})
