import { homedir as osHomedir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '@sandbox'
import type { HostImages, SystemInfo } from '@shared/contract'
import { createJobRunner, KindProvider, MinikubeProvider, run, SandboxProvider } from './clusters'
import { listHostImages } from './clusters/host-images'
import { publishRegistryHosting } from './clusters/registry-hosting'
import { createWhich } from './clusters/which'
import { createExecApprovals } from './kubeconfig/exec-approvals'
import { waitForNodesReady } from './clusters/verify-ready'
import {
  createActionHandlers,
  createApiResourceHandlers,
  createClusterHandlers,
  createContextHandlers,
  createDevLoopHandlers,
  createManifestHandlers,
  createResourceHandlers,
  createSessionHandlers,
  createReconcileHandlers,
  createNetworkStorageHandlers,
  createSystemHandlers,
  joinHandlers,
} from './handlers'
import { createKubeService, type PrewarmPace } from './kube'
import { createChaosBus } from './reconcile/chaos-bus'
import { createApiService } from './resources/api-service'
import { createCatalogService } from './resources/catalog'
import { createManifestService } from './manifests'
import { createExecSessions, createForwards, createSessionHub } from './sessions'
import { serverVersion } from './kube/server-version'
import { listExternalClusters } from './clusters/external'
import { listClusters } from './clusters/overview'
import { createKubeconfigService } from './kubeconfig'
import { createKubeConfigSource } from './kubeconfig/client-config'
import { createEntryWriter } from './kubeconfig/entry-writer'
import { appVersion } from './system/app-version'
import type { RunVersion } from './system/detect-tools'
import { runVersion } from './system/run-version'
import { createSystemService } from './system/system-service'
import { createDispatcher, type Dispatcher } from './transport/dispatch'
import { createForeground } from './util/foreground'

export interface BackendOptions {
  transport: SystemInfo['transport']
  /** Where Skiff keeps its own files (backups, sandbox state, window state). */
  dataDir: string
  env?: NodeJS.ProcessEnv
  run?: RunVersion
  log?: (message: string) => void
  /** Electron only: opens a window that takes over a popped-out terminal with this ticket. */
  openTerminalWindow?: (ticket: string) => void
}

export interface Backend {
  dispatcher: Dispatcher
  /** Brings back the sandboxes that were running when Skiff last quit. */
  restore(): Promise<void>
  /**
   * Reads what every page's first call asks for (the kubeconfig's contexts) into its cache, so the first page
   * of a fresh process does not wait for that parse; resolves when done (a failure is left for the call).
   */
  warm(): Promise<void>
  /**
   * A page is loading: start what its first screen will ask for (see KubeService.prewarm) and check the
   * contexts' cache (one stat while the files are unchanged).
   */
  prewarm(): void
  /**
   * A file of the page is being served (web mode): foreground work, like a contract call, so the prewarm
   * steps aside; returns its end.
   */
  pageWork(): () => void
  /** Cluster jobs still running, e.g. so the desktop shell can ask before quitting kills them. */
  runningJobs(): number
  close(): Promise<void>
}

/** The composition root: builds the services and joins them to the handlers. No logic, no electron. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env
  const homedir = env.HOME ?? osHomedir()
  const log = options.log ?? ((m: string) => console.error(m))
  const backupDir = join(options.dataDir, 'kubeconfig-backups')

  const system = createSystemService({
    run: options.run ?? runVersion,
    appVersion,
    transport: options.transport,
    path: () => env.PATH,
  })
  const kubeconfig = createKubeconfigService({ env, homedir, backupDir })
  const execApprovals = createExecApprovals(join(options.dataDir, 'exec-approvals.json'))
  const getKubeConfig = createKubeConfigSource(env, execApprovals)
  const sandboxes = new SandboxProvider({
    start: startSandbox,
    dataDir: options.dataDir,
    kubeconfig: createEntryWriter({ env, homedir, backupDir }),
    hostImages: async () =>
      (
        await listHostImages({ run, which: createWhich(env.PATH), env: { ...env }, timeoutMs: 5000 })
      ).images.map((i) => i.ref),
  })
  const verifyReady = (context: string, signal: AbortSignal): Promise<void> =>
    waitForNodesReady(() => getKubeConfig(context), signal)
  const toolEnv = { ...env }
  const minikube = new MinikubeProvider({ env: toolEnv, verifyReady })
  const providers = [
    sandboxes,
    new KindProvider({
      env: toolEnv,
      verifyReady,
      publishRegistry: async (context) => publishRegistryHosting(await getKubeConfig(context)),
    }),
    minikube,
  ]
  const hostImages = async (): Promise<HostImages> => {
    const found = await listHostImages({ run, which: createWhich(toolEnv.PATH), env: toolEnv })
    // The sandboxes learn what exists only on this machine, so pods using it wait for a load.
    sandboxes.setHostImages(found.images.map((i) => i.ref))
    return found
  }
  const jobs = createJobRunner(Object.fromEntries(providers.map((p) => [p.id, p])))
  // The page's calls in flight, marked by the dispatcher (web and IPC alike): the prewarm steps aside for them.
  const foreground = createForeground()
  const kube = createKubeService({ getKubeConfig, foreground, prewarmPace: prewarmPaceOf(env) })
  const catalog = createCatalogService({ getKubeConfig })
  const apiResources = createApiService({ getKubeConfig, catalog })
  const forwards = createForwards(getKubeConfig)
  const execSessions = createExecSessions()

  const { methods, streams } = joinHandlers({
    system: createSystemHandlers(system),
    contexts: createContextHandlers({ kubeconfig, env, homedir, tmpDir: options.dataDir, execApprovals }),
    clusters: createClusterHandlers({
      providers,
      jobs,
      contextNames: async () => new Set((await kubeconfig.list()).contexts.map((c) => c.name)),
      external: () =>
        listExternalClusters({
          contexts: async () => (await kubeconfig.list()).contexts,
          managedContexts: async () =>
            new Set((await listClusters(providers, jobs)).clusters.map((c) => c.contextName)),
          version: (context, signal) => serverVersion(() => getKubeConfig(context), signal),
        }),
    }),
    resources: createResourceHandlers(kube),
    actions: createActionHandlers({ getKubeConfig }),
    devLoop: createDevLoopHandlers({
      providers,
      jobs,
      minikube,
      hostImages,
      getKubeConfig,
      sandboxIngressPort: (name) => sandboxes.ingressPort(name),
    }),
    apiResources: createApiResourceHandlers(apiResources, catalog),
    manifests: createManifestHandlers(createManifestService({ getKubeConfig })),
    sessions: createSessionHandlers({
      getKubeConfig,
      sessions: execSessions,
      hub: createSessionHub(execSessions),
      forwards,
      ...(options.openTerminalWindow ? { openTerminalWindow: options.openTerminalWindow } : {}),
    }),
    networkStorage: createNetworkStorageHandlers({
      getKubeConfig,
      sandboxIngressPort: (context, server) => sandboxes.ingressPortFor(context, server),
    }),
    reconcile: createReconcileHandlers({
      getKubeConfig,
      chaos: createChaosBus((context) => sandboxes.chaosTarget(context)),
    }),
  })

  // contexts.list reuses this read while the files are unchanged (createKubeconfigService's stamped cache).
  const warmContexts = (): Promise<void> =>
    kubeconfig.list().then(
      () => {},
      () => {},
    )

  return {
    dispatcher: createDispatcher(methods, streams, log, foreground),
    async restore() {
      for (const r of await sandboxes.restore()) {
        if (r.error) log(`Sandbox "${r.name}" could not be restarted: ${r.error}`)
      }
    },
    warm: warmContexts,
    pageWork: () => foreground.begin(),
    prewarm: () => {
      void kube.prewarm()
      void warmContexts()
    },
    runningJobs: () => jobs.running().length,
    async close() {
      kube.close()
      apiResources.close()
      forwards.close()
      await jobs.cancelAll()
      await sandboxes.shutdown()
    },
  }
}

/** `SKIFF_PREWARM=hold|full` picks another prewarm pace to measure against (docs/performance.md). */
function prewarmPaceOf(env: NodeJS.ProcessEnv): PrewarmPace {
  const pace = env.SKIFF_PREWARM
  return pace === 'hold' || pace === 'full' ? pace : 'background'
}
