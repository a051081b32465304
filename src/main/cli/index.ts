// `npm run cli -- call <method> '<json>'` and `npm run cli -- watch <stream> '<json>'`: the same dispatcher
// (and so the same validation) as the UI, for scripting and debugging.
import { mkdirSync } from 'node:fs'
import { createBackend } from '../backend'
import { defaultDataDir } from '../system/data-dir'
import { methods, streams } from '@shared/contract'
import { runCli } from './run-cli'

const dataDir = defaultDataDir()
mkdirSync(dataDir, { recursive: true, mode: 0o700 })
const backend = createBackend({ transport: 'cli', dataDir, log: () => {} })

const code = await runCli(process.argv.slice(2), backend.dispatcher, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  onInterrupt: (stop) => {
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  },
  methodNames: Object.keys(methods),
  streamNames: Object.keys(streams),
})
await backend.close()
process.exit(code)
