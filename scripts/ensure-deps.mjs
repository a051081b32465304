// Pre-step of npm start / npm test / npm run serve: install dependencies when node_modules is absent or stale,
// so a fresh clone needs no separate install command.
import { existsSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const hidden = 'node_modules/.package-lock.json'
const stale = !existsSync(hidden) || statSync('package-lock.json').mtimeMs > statSync(hidden).mtimeMs + 2000

if (stale) {
  console.log('Installing dependencies (npm ci)…')
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('npm ci failed; see the messages above. Skiff needs the npm registry once to install.')
    process.exit(r.status ?? 1)
  }
}
