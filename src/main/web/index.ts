// Web mode entry: `npm run serve [-- --port N]`. Prints exactly one line with the tokened URL.
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { mkdirSync } from 'node:fs'
import { createBackend } from '../backend'
import { defaultDataDir } from '../system/data-dir'
import { startWebServer } from './server'

const { values } = parseArgs({
  options: { port: { type: 'string' }, static: { type: 'string' } },
  strict: true,
})

const port = values.port ? Number(values.port) : 0
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535 (got "${values.port}").`)
  process.exit(2)
}

const dataDir = defaultDataDir()
mkdirSync(dataDir, { recursive: true, mode: 0o700 })
const backend = createBackend({ transport: 'web', dataDir })
// From the sources (src/main/web) or from the build (out/web-backend, see vite.backend.config.ts).
const builtUi = import.meta.url.endsWith('.ts') ? '../../../out/web' : '../web'
const staticDir = values.static ?? fileURLToPath(new URL(builtUi, import.meta.url))

try {
  const web = await startWebServer({
    dispatcher: backend.dispatcher,
    staticDir,
    port,
    // A page is loading: its first call lists the contexts, read ahead now (one stat while unchanged).
    onPage: () => void backend.warm(),
    // Its script runs (its first call came, so its files are out): the list it opens on starts now, before
    // the view asks for it. Started with the document, its decoding held the page's files back (a cold
    // start's first rows; docs/performance.md, "Cold start, sixth pass").
    onPageStarted: backend.prewarm,
    // …and steps aside while the page's files go out (they would wait behind its decoding otherwise).
    onStatic: backend.pageWork,
  })
  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await web.close()
    await backend.close()
    process.exit(0)
  }
  // Handlers first, then the line a launcher waits for: a signal sent at once still shuts down cleanly.
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
  console.log(`Skiff web UI: ${web.url}`)
  // Every page's first call lists the contexts: in a fresh process that parse is done before a page asks.
  void backend.warm()
  void backend.restore()
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use; pick another with --port.`
      : (err as Error).message,
  )
  await backend.close()
  process.exit(1)
}
