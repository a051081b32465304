// `npm start`: the desktop app when the Electron binary is available, otherwise web mode in the browser.
import { spawn, spawnSync } from 'node:child_process'
import { electronBinary } from './electron-binary.mjs'
import { serve } from './serve.mjs'

let binary = electronBinary()
if (!binary.path && !process.env.CI) {
  // First run: Electron fetches its binary now; bounded so an offline machine is not left waiting.
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 60_000 })
  binary = electronBinary()
}

if (binary.path) {
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const app = spawn(binary.path, ['.'], { stdio: 'inherit' })
  app.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(`Electron is not available here (${binary.reason}); starting Skiff in your browser instead.`)
  serve(process.argv.slice(2), openBrowser)
}

/** Opens the default browser where there is a desktop to show it; argument arrays, never a shell. */
function openBrowser(url) {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open'
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => console.log('Open the address above in your browser.'))
  child.unref()
}
