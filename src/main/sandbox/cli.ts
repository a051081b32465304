import { homedir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { resolveKubeconfigPaths } from '../kubeconfig/paths'
import { upsertEntries } from '../kubeconfig/upsert-entries'
import { parseCliArgs } from './cli-args'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import { sandboxKubeconfigEntry } from './kubeconfig-entry'

// Runs one sandbox in the foreground: writes its `sandbox-<name>` context, prints `ready URL`, stops on a signal.
export async function runSandboxCli(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (line: string) => void = (line) => console.log(line),
): Promise<RunningSandbox> {
  const opts = parseCliArgs(argv)
  const sb = await startSandbox({
    name: opts.name,
    port: opts.port,
    nodes: opts.nodes,
    speed: opts.speed,
    ...(opts.state ? { stateFile: opts.state } : {}),
  })
  try {
    const paths = resolveKubeconfigPaths({ env, homedir: homedir() })
    const file = opts.kubeconfig ?? paths.existing[0] ?? paths.candidates[0] ?? ''
    await upsertEntries(file, sandboxKubeconfigEntry(sb), { setCurrent: true })
    log(`context sandbox-${opts.name} written to ${file}`)
  } catch (err) {
    await sb.stop()
    throw err
  }
  log(`ready ${sb.url}`)
  return sb
}

async function main(): Promise<void> {
  let sb: RunningSandbox
  try {
    sb = await runSandboxCli(process.argv.slice(2))
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(2)
  }
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void sb.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main()
