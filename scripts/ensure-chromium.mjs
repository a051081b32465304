// The web e2e suite drives Debian's Chromium (Playwright cannot download its own browser offline).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

export function ensureChromium() {
  const path = process.env.SKIFF_CHROMIUM ?? '/usr/bin/chromium'
  if (existsSync(path)) return true
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (!isRoot || !hasApt) {
    console.error(`Chromium is missing at ${path}. Install it with: sudo apt-get install -y chromium`)
    console.error('(or point SKIFF_CHROMIUM at a Chromium/Chrome binary)')
    return false
  }
  console.log('Installing Chromium with apt-get (needed by the browser tests)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  return update.status === 0 && install.status === 0 && existsSync(path)
}
