// Pre-step of npm start / npm test / npm run serve: install dependencies when node_modules is absent or stale,
// so a fresh clone needs no separate install command.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const hidden = 'node_modules/.package-lock.json'
// The lock file's hash at the last install: a checkout or a new worktree touches package-lock.json's mtime
// without changing it, and reinstalling then costs minutes for nothing.
const stamp = 'node_modules/.skiff-lock-hash'
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')

function isStale() {
  if (!existsSync(hidden)) return true
  if (existsSync(stamp)) return readFileSync(stamp, 'utf8').trim() !== lockHash
  const stale = statSync('package-lock.json').mtimeMs > statSync(hidden).mtimeMs + 2000
  // Installed after the lock file last changed: it matches this lock, so remember its hash.
  if (!stale) writeFileSync(stamp, `${lockHash}\n`)
  return stale
}

if (isStale()) {
  console.log('Installing dependencies (npm ci)…')
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('npm ci failed; see the messages above. Skiff needs the npm registry once to install.')
    process.exit(r.status ?? 1)
  }
  writeFileSync(stamp, `${lockHash}\n`)
}
