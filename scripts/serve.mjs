// `npm run serve [-- --port N]`: build the web UI when it is missing or older than its sources, then start
// web mode (backend + built renderer on 127.0.0.1 with a per-launch token).
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

export function buildWebIfStale() {
  const built = 'out/web/index.html'
  const sources = Math.max(newest('src/renderer'), newest('src/shared'), newest('resources'))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  console.log('Building the web UI…')
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/** @param {string[]} args @param {(url: string) => void} [onUrl] */
export function serve(args, onUrl) {
  buildWebIfStale()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/index.ts', ...args], {
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
