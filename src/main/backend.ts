import { homedir as osHomedir } from 'node:os'
import { join } from 'node:path'
import {
  createDispatcher,
  type Dispatcher,
  type MethodHandlers,
  type StreamHandlers,
} from './transport/dispatch'
import { createSystemService } from './system/system-service'
import { runVersion } from './system/run-version'
import type { RunVersion } from './system/detect-tools'
import type { SystemInfo } from '@shared/contract'
import { appVersion } from './system/app-version'
import { createKubeconfigService } from './kubeconfig'
import { upsertEntries, removeEntries } from './kubeconfig'
import { defaultWriteFile } from './kubeconfig/default-file'
import { createClusterService, KindProvider, MinikubeProvider, SandboxProvider } from './clusters'
import { startSandbox } from '@sandbox'
import { createKubeService } from './kube'
import { createResourceHandlers } from './handlers/resources'
import { createActionHandlers } from './handlers/actions'
import { createKubeConfigSource } from './kubeconfig/client-config'
import { listExternalClusters } from './clusters/external'
import { serverVersion } from './kube/server-version'
import { createContextHandlers } from './handlers/contexts'
import { createClusterHandlers } from './handlers/clusters'
import { waitForNodesReady } from './clusters/verify-ready'

export interface BackendOptions {
  transport: SystemInfo['transport']
  /** Where Skiff keeps its own files (backups, sandbox state, window state). */
  dataDir: string
  env?: NodeJS.ProcessEnv
  run?: RunVersion
  log?: (message: string) => void
}

export interface Backend {
  dispatcher: Dispatcher
  /** Brings back the sandboxes that were running when Skiff last quit. */
  restore(): Promise<void>
  /** Cluster jobs still running, e.g. so the desktop shell can ask before quitting kills them. */
  runningJobs(): number
  close(): Promise<void>
}

/** The composition root: wires every service behind the contract. No electron import here. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env
  const home = env.HOME ?? osHomedir()
  const log = options.log ?? ((m: string) => console.error(m))

  const system = createSystemService({
    run: options.run ?? runVersion,
    appVersion,
    transport: options.transport,
    path: () => env.PATH,
  })

  const kubeconfig = createKubeconfigService({
    env,
    homedir: home,
    backupDir: join(options.dataDir, 'kubeconfig-backups'),
  })
  const getKubeConfig = createKubeConfigSource(env)
  const entryOptions = { backupDir: join(options.dataDir, 'kubeconfig-backups'), homedir: home }

  const sandboxes = new SandboxProvider({
    start: startSandbox,
    dataDir: options.dataDir,
    kubeconfig: {
      upsert: (entry, opts) =>
        upsertEntries(defaultWriteFile(env, home), entry, { ...opts, ...entryOptions }),
      remove: async (names) => {
        for (const name of names) {
          await removeEntries(
            defaultWriteFile(env, home),
            { cluster: name, user: name, context: name },
            entryOptions,
          )
        }
      },
    },
  })
  const verifyReady = (context: string, signal: AbortSignal): Promise<void> =>
    waitForNodesReady(() => getKubeConfig(context), signal)
  const toolEnv = { ...env }
  const clusters = createClusterService({
    providers: [
      sandboxes,
      new KindProvider({ env: toolEnv, verifyReady }),
      new MinikubeProvider({ env: toolEnv, verifyReady }),
    ],
    contextNames: async () => new Set((await kubeconfig.list()).contexts.map((c) => c.name)),
  })
  const kube = createKubeService({ getKubeConfig })

  const contextHandlers = createContextHandlers({ kubeconfig, env, homedir: home, tmpDir: options.dataDir })
  const clusterHandlers = createClusterHandlers(clusters, () =>
    listExternalClusters({
      contexts: async () => (await kubeconfig.list()).contexts,
      managedContexts: async () => new Set((await clusters.list()).clusters.map((c) => c.contextName)),
      version: (context, signal) => serverVersion(() => getKubeConfig(context), signal),
    }),
  )
  const resourceHandlers = createResourceHandlers(kube)
  const actionHandlers = createActionHandlers({ getKubeConfig })

  const handlers: MethodHandlers = {
    'system.info': () => system.info(),
    ...contextHandlers.methods,
    ...clusterHandlers.methods,
    ...resourceHandlers.methods,
    ...actionHandlers.methods,
  }
  const streamHandlers: StreamHandlers = {
    'system.tools': (input, signal) => system.watchTools(input.intervalMs ?? 10_000, signal),
    ...contextHandlers.streams,
    ...clusterHandlers.streams,
    ...resourceHandlers.streams,
    ...actionHandlers.streams,
  }

  return {
    dispatcher: createDispatcher(handlers, streamHandlers, log),
    async restore() {
      for (const r of await sandboxes.restore()) {
        if (r.error) log(`Sandbox "${r.name}" could not be restarted: ${r.error}`)
      }
    },
    runningJobs: () => clusters.jobs.running().length,
    async close() {
      kube.close()
      await clusters.close()
      await sandboxes.shutdown()
    },
  }
}
