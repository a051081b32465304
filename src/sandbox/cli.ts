import { homedir } from 'node:os'
import { pathToFileURL } from 'node:url'
import { resolveKubeconfigPaths } from '../main/kubeconfig/paths'
import { upsertEntries } from '../main/kubeconfig/upsert-entries'
import { parseCliArgs } from './cli-args'
import { followImagesFile } from './images/images-file'
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
  let sb = await startSandbox({
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
  if (opts.images) {
    const stopFollowing = followImagesFile(opts.images, sb.images)
    const stop = sb.stop.bind(sb)
    sb = { ...sb, stop: () => (stopFollowing(), stop()) }
  }
  log(`ready ${sb.url}`)
  return sb
}

async function main(): Promise<void> {
  // Signal handlers go in before `ready` is printed: a SIGTERM sent the moment a caller sees `ready` must still
  // stop the sandbox cleanly (and save its state), never kill it mid-way.
  let sb: RunningSandbox | undefined
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    if (sb) void sb.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    sb = await runSandboxCli(process.argv.slice(2))
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(2)
  }
  // A signal that came while the sandbox was starting: stop it now that there is something to stop.
  if (stopping) await sb.stop().then(() => process.exit(0))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main()
