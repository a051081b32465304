import { randomBytes } from 'node:crypto'
import { ObjectApi } from './api/objects'
import { isDnsLabel } from './api/validation'
import { bootstrap } from './bootstrap'
import { ensureBootstrapPolicy } from './auth/bootstrap-policy'
import { tokenKeys } from './auth/tokens'
import type { Clock, ManualClock } from './clock'
import { manualClock, realClock } from './clock'
import { createChaos, type SandboxChaos } from './chaos'
import { startControllers } from './controllers'
import { createLogServer } from './logs/log-server'
import { seedPods } from './seed'
import type { SandboxCerts } from './server/certs'
import { generateCerts } from './server/certs'
import { startApiServer } from './server/server'
import { TrafficMeter } from './metrics/traffic'
import { LocalImages } from './images/local-images'
import { startIngressServer } from './ingress-http/ingress-server'
import { ingressObjects } from './ingress-http/store-objects'
import { loadState, restoreObjects, saveState } from './store/persistence'
import { Store } from './store/store'

export interface SandboxOptions {
  name: string // DNS-1123 label
  port?: number // 0/undefined = random free port on 127.0.0.1
  nodes?: number // 1..3 simulated Ready nodes, default 1
  speed?: number // time multiplier for simulated transitions, default 1
  manualClock?: boolean // tests: time only moves via sandbox.advance(ms)
  stateFile?: string // if set: load state from it at start (if exists) and save to it on stop
  bookmarkIntervalMs?: number // real ms between watch BOOKMARKs when a client allows them, default 10 s
  watchHistory?: number // events kept for watch resumption (older resourceVersions get 410), default 50,000
}

export interface SandboxImages {
  /** Makes an image present on every node, as `kind load docker-image` does. */
  load(image: string): void
  /** Images the host's container engine has; pods using them (and not loaded) fail to pull. */
  setHostImages(images: string[]): void
  /** Loaded images, normalized (docker.io/library/…). */
  loaded(): string[]
}

export interface RunningSandbox {
  readonly name: string
  readonly url: string
  readonly port: number
  readonly token: string
  readonly caData: string // base64 PEM of the CA for certificate-authority-data
  /** Loopback port where the simulated ingress controller answers HTTP for admitted Ingresses. */
  readonly ingressPort: number
  /** Break-it controls (simulated failures and paused controllers) for Skiff's reconcile view. */
  readonly chaos: SandboxChaos
  advance(ms: number): Promise<void>
  save(file: string): Promise<void>
  stop(): Promise<void>
  /** The local-image loop: what the host has, what is loaded, and `kind load`'s counterpart. */
  readonly images: SandboxImages
  seedPods(
    namespace: string,
    count: number,
    opts?: { phase?: 'Running' | 'Pending'; labels?: Record<string, string> },
  ): void
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  if (!isDnsLabel(opts.name)) throw new Error(`sandbox name "${opts.name}" must be a DNS-1123 label`)
  const nodes = opts.nodes ?? 1
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 3) throw new Error('nodes must be 1, 2 or 3')
  const speed = opts.speed ?? 1
  if (!(speed > 0)) throw new Error('speed must be positive')

  const state = opts.stateFile ? await loadState(opts.stateFile) : undefined
  const certs: SandboxCerts = state?.certs ?? (await generateCerts(opts.name))
  const token = state?.token ?? randomBytes(24).toString('base64url')
  // A restored sandbox's clock goes on from where it stopped, so nothing it wrote lies in its future.
  const start = Math.max(Date.now(), state?.clockAt ?? 0)
  const manual: ManualClock | undefined = opts.manualClock ? manualClock(start) : undefined
  const clock: Clock = manual ?? realClock(speed, start)
  const store = new Store(opts.watchHistory)
  const api = new ObjectApi(store, clock)
  const images = LocalImages.from(state?.images)
  const traffic = new TrafficMeter()
  const controllers = startControllers({
    api,
    clock,
    clusterName: opts.name,
    nodeCount: nodes,
    images,
    tokenKeys: tokenKeys(certs.key),
    traffic,
  })
  if (state) {
    restoreObjects(store, state, () => api.resources.reload(store).filter((r) => r.custom))
    controllers.resyncAll()
  } else bootstrap(api, opts.name, nodes, certs.caCert)
  // like kube-apiserver's rbac/bootstrap-roles hook: the default roles exist after every start
  ensureBootstrapPolicy(api)

  const logs = createLogServer(api)
  const port = opts.port ?? (state ? state.port : 0)
  const listen = (p: number): ReturnType<typeof startApiServer> =>
    startApiServer(certs, token, p, {
      api,
      watch: { bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 10_000 },
      serveLog: logs.serve,
      traffic,
    })
  // A start that fails from here on ends what already runs: the controllers' timers would otherwise keep the
  // process alive (a taken port, EADDRINUSE, is the usual cause).
  const abandon = (err: unknown): never => {
    controllers.stop()
    logs.stopAll()
    clock.dispose()
    throw err
  }
  // A restored sandbox prefers its previous port so existing kubeconfig entries keep working.
  const server = await listen(port)
    .catch((err: unknown) => {
      if (opts.port === undefined && port !== 0) return listen(0)
      throw err
    })
    .catch(abandon)

  const ingress = await startIngressServer(ingressObjects(api)).catch(async (err: unknown) => {
    await server.close()
    return abandon(err)
  })

  const save = (file: string): Promise<void> =>
    saveState(
      file,
      {
        name: opts.name,
        token,
        port: server.port,
        certs,
        resourceVersion: store.resourceVersion,
        savedAt: Date.now(),
        images: images.toJSON(),
        clockAt: clock.now(),
      },
      store,
    )
  let stopped = false
  const chaos = createChaos(api, controllers, images)
  return {
    chaos,
    name: opts.name,
    url: `https://127.0.0.1:${server.port}`,
    port: server.port,
    token,
    caData: Buffer.from(certs.caCert).toString('base64'),
    ingressPort: ingress.port,
    async advance(ms) {
      if (!manual) throw new Error('advance() needs a sandbox started with manualClock: true')
      await manual.advance(ms, () => controllers.settle())
    },
    save,
    async stop() {
      if (stopped) return
      stopped = true
      controllers.stop()
      logs.stopAll()
      await server.close()
      await ingress.close()
      clock.dispose()
      if (opts.stateFile) await save(opts.stateFile)
    },
    images: {
      load: (image) => images.load(image),
      setHostImages: (list) => images.setHostImages(list),
      loaded: () => images.list(),
    },
    seedPods(namespace, count, seedOpts = {}) {
      seedPods(api, namespace, count, seedOpts, controllers.nodeNames)
    },
  }
}
export type { ChaosAction, ChaosState, SandboxChaos } from './chaos'
export { sandboxContextName, sandboxKubeconfigEntry, type SandboxKubeconfigEntry } from './kubeconfig-entry'
