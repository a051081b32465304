// `npm run serve [-- --port N]`: build the web UI and the backend when missing or older than their sources,
// then start web mode (backend + built renderer on 127.0.0.1 with a per-launch token).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/** The built backend's entry (vite.backend.config.ts): built, it starts in ~1 s of CPU and ~100 MB less RSS. */
export const backendEntry = 'out/web-backend/index.js'

// Our configs import aliases.ts without an extension, which Vite's default (bundling) config loader reads
// fine; its hint about the future native loader is noise to a person starting Skiff.
export const viteEnv = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }

function buildIfStale(built, sourceDirs, what, config) {
  const sources = Math.max(...sourceDirs.map(newest), statSync('package-lock.json').mtimeMs)
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  console.log(`Building ${what}…`)
  const r = spawnSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: viteEnv,
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/** The web UI and web mode's backend, each built again when a source is newer than its build. */
export function buildWebIfStale() {
  buildIfStale(
    'out/web/index.html',
    ['src/renderer', 'src/shared', 'resources'],
    'the web UI',
    'vite.web.config.ts',
  )
  buildIfStale(
    backendEntry,
    ['src/main', 'src/shared', 'src/sandbox'],
    'the backend',
    'vite.backend.config.ts',
  )
}

/** @param {string[]} args @param {(url: string) => void} [onUrl] */
export function serve(args, onUrl) {
  buildWebIfStale()
  const child = spawn(process.execPath, [backendEntry, ...args], {
    stdio: ['inherit', 'pipe', 'inherit'],
  })
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    const m = /Skiff web UI: (\S+)/.exec(chunk.toString())
    if (m && onUrl) onUrl(m[1])
  })
  // Ctrl-C reaches the child through the terminal's process group; forward SIGTERM ourselves.
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  process.on('SIGINT', () => {})
  child.on('exit', (code) => process.exit(code ?? 0))
  return child
}

if (import.meta.url === `file://${process.argv[1]}`) serve(process.argv.slice(2))
