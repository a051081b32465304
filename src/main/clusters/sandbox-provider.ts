import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { sandboxContextName, sandboxKubeconfigEntry } from '@sandbox'
import { ClusterError } from './errors'
import type { ChaosTarget } from '../reconcile/chaos-bus'
import { clusterNameProblem } from '@shared/cluster-names'
import type { RunningSandbox, SandboxKubeconfig, StartSandbox } from './sandbox-types'
import type { ClusterInfo, ClusterProvider, CreateSpec, Detection, OnProviderEvent } from './types'

export type { RunningSandbox, SandboxContextEntry, SandboxKubeconfig, StartSandbox } from './sandbox-types'

const HOST_IMAGES_WAIT_MS = 2000

interface Meta {
  name: string
  nodes: number
  /** Simulated time multiplier (1 = real time). */
  speed?: number
  port?: number
  /** Whether it should be running: restore() brings these back after a restart. */
  running: boolean
  createdAt: string
}

export class SandboxProvider implements ClusterProvider {
  readonly id = 'sandbox'
  private readonly running = new Map<string, RunningSandbox>()
  /** The host engine's images, last seen: a new sandbox learns them too. */
  private hostImages: string[] = []
  private readonly root: string

  constructor(
    private readonly deps: {
      start: StartSandbox
      dataDir: string
      kubeconfig: SandboxKubeconfig
      /** The host engine's image names, asked when a sandbox starts. */
      hostImages?: () => Promise<string[]>
    },
  ) {
    this.root = join(deps.dataDir, 'sandboxes')
  }

  /** The running sandbox behind a `sandbox-<name>` context, with its Break-it controls. */
  chaosTarget(context: string): ChaosTarget | undefined {
    if (!context.startsWith('sandbox-')) return undefined
    const sandbox = this.running.get(context.slice('sandbox-'.length))
    return sandbox?.chaos ? { url: sandbox.url, chaos: sandbox.chaos } : undefined
  }

  async detect(): Promise<Detection> {
    return {
      provider: 'sandbox',
      ready: true,
      checks: [{ id: 'binary', label: 'Built-in sandbox (simulated)', ok: true, version: 'simulated' }],
    }
  }

  async versions(): Promise<string[]> {
    return ['sandbox: built-in simulated API server']
  }

  private dir(name: string): string {
    // Names become paths (delete is rm -rf): '..' or '/' must never reach join().
    const invalid = clusterNameProblem('sandbox', name)
    if (invalid) throw new ClusterError(invalid)
    return join(this.root, name)
  }

  private stateFile(name: string): string {
    return join(this.dir(name), 'state.json')
  }

  private async readMeta(name: string): Promise<Meta | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir(name), 'meta.json'), 'utf8')) as Meta
    } catch {
      return undefined
    }
  }

  private async writeMeta(meta: Meta): Promise<void> {
    await mkdir(this.dir(meta.name), { recursive: true })
    await writeFileAtomic(join(this.dir(meta.name), 'meta.json'), JSON.stringify(meta, null, 2))
  }

  private info(meta: Meta): ClusterInfo {
    return {
      name: meta.name,
      provider: 'sandbox',
      state: this.running.has(meta.name) ? 'running' : 'stopped',
      // What the simulated API server reports at /version.
      kubernetesVersion: 'v1.32.0',
      nodeCount: meta.nodes,
      contextName: sandboxContextName(meta.name),
      simulated: true,
    }
  }

  async list(): Promise<ClusterInfo[]> {
    const names = existsSync(this.root) ? await readdir(this.root) : []
    const metas = await Promise.all(names.sort().map((n) => this.readMeta(n)))
    return metas.filter((m): m is Meta => m !== undefined).map((m) => this.info(m))
  }

  private async launch(meta: Meta, onEvent: OnProviderEvent, setCurrent: boolean): Promise<RunningSandbox> {
    const total = 2
    onEvent({
      type: 'progress',
      step: 'Starting API server',
      title: 'Starting the simulated API server',
      state: 'running',
      current: 1,
      total,
    })
    const stateFile = this.stateFile(meta.name)
    const options = {
      name: meta.name,
      nodes: meta.nodes,
      ...(meta.speed !== undefined && meta.speed !== 1 ? { speed: meta.speed } : {}),
      ...(existsSync(stateFile) ? { stateFile } : {}),
    }
    // Reuse the old port so existing kubeconfig entries keep working; take any port if it is gone.
    const sandbox =
      meta.port === undefined
        ? await this.deps.start(options)
        : await this.deps.start({ ...options, port: meta.port }).catch(() => this.deps.start(options))
    this.running.set(meta.name, sandbox)
    sandbox.images.setHostImages(this.hostImages)
    if (this.deps.hostImages) {
      // A hung container engine must not hold the sandbox back: wait briefly, then let the list land later.
      const asked = this.deps.hostImages().then((list) => {
        this.hostImages = list
        sandbox.images.setHostImages(list)
      })
      await Promise.race([asked.catch(() => {}), new Promise((r) => setTimeout(r, HOST_IMAGES_WAIT_MS))])
    }
    onEvent({ type: 'log', stream: 'stdout', line: `Sandbox "${meta.name}" is serving ${sandbox.url}` })
    onEvent({
      type: 'progress',
      step: 'Writing kubeconfig',
      title: `Writing context "${sandboxContextName(meta.name)}"`,
      state: 'running',
      current: 2,
      total,
    })
    await this.deps.kubeconfig.upsert(sandboxKubeconfigEntry(sandbox), { setCurrent })
    await this.writeMeta({ ...meta, port: sandbox.port, running: true })
    onEvent({
      type: 'progress',
      step: 'Writing kubeconfig',
      title: 'Ready',
      state: 'done',
      current: 2,
      total,
    })
    return sandbox
  }

  async create(spec: CreateSpec, onEvent: OnProviderEvent, signal: AbortSignal): Promise<ClusterInfo> {
    const invalid = clusterNameProblem('sandbox', spec.name)
    if (invalid) throw new ClusterError(invalid)
    const nodes = spec.nodes ?? 1
    if (nodes < 1 || nodes > 3)
      throw new ClusterError('A sandbox simulates 1 to 3 nodes', { advice: 'Pick 1, 2 or 3 nodes.' })
    if (this.running.has(spec.name) || (await this.readMeta(spec.name))) {
      throw new ClusterError(`A sandbox named "${spec.name}" already exists`, {
        advice: 'Choose another name.',
      })
    }
    const meta: Meta = {
      name: spec.name,
      nodes: spec.nodes ?? 1,
      ...(spec.speed !== undefined ? { speed: spec.speed } : {}),
      running: true,
      createdAt: new Date().toISOString(),
    }
    await this.writeMeta(meta)
    try {
      await this.launch(meta, onEvent, true)
      if (signal.aborted) throw new ClusterError(`Creating sandbox "${spec.name}" was cancelled`)
    } catch (err) {
      await this.delete(spec.name, () => {})
      throw err
    }
    return this.info({ ...meta, running: true })
  }

  async start(name: string, onEvent: OnProviderEvent): Promise<void> {
    const meta = await this.readMeta(name)
    if (!meta) throw new ClusterError(`There is no sandbox named "${name}"`)
    if (this.running.has(name)) return
    // Never switch the current context except on create.
    await this.launch(meta, onEvent, false)
  }

  async stop(
    name: string,
    onEvent: OnProviderEvent = () => {},
    _signal?: AbortSignal,
    keepRunningFlag = false,
  ): Promise<void> {
    const sandbox = this.running.get(name)
    const meta = await this.readMeta(name)
    if (!meta) throw new ClusterError(`There is no sandbox named "${name}"`)
    if (sandbox) {
      onEvent({
        type: 'progress',
        step: 'Stopping',
        title: `Saving and stopping sandbox "${name}"`,
        state: 'running',
        current: 1,
        total: 1,
      })
      await sandbox.save(this.stateFile(name))
      await sandbox.stop()
      this.running.delete(name)
    }
    await this.writeMeta({ ...meta, running: keepRunningFlag })
    onEvent({
      type: 'progress',
      step: 'Stopping',
      title: `Stopped sandbox "${name}"`,
      state: 'done',
      current: 1,
      total: 1,
    })
  }

  async delete(name: string, onEvent: OnProviderEvent): Promise<void> {
    const dir = this.dir(name)
    const sandbox = this.running.get(name)
    onEvent({
      type: 'progress',
      step: 'Deleting',
      title: `Deleting sandbox "${name}"`,
      state: 'running',
      current: 1,
      total: 1,
    })
    if (sandbox) {
      this.running.delete(name)
      await sandbox.stop()
    }
    await rm(dir, { recursive: true, force: true })
    await this.deps.kubeconfig.remove([sandboxContextName(name)])
    onEvent({
      type: 'progress',
      step: 'Deleting',
      title: `Deleted sandbox "${name}"`,
      state: 'done',
      current: 1,
      total: 1,
    })
  }

  /** What the host's engine has: pods using those images wait until they are loaded. */
  setHostImages(images: string[]): void {
    this.hostImages = [...images]
    for (const sandbox of this.running.values()) sandbox.images.setHostImages(images)
  }

  private mustRun(name: string): RunningSandbox {
    const sandbox = this.running.get(name)
    if (!sandbox)
      throw new ClusterError(`Sandbox "${name}" is not running`, { advice: 'Start it, then load the image.' })
    return sandbox
  }

  async loadImage(name: string, image: string, onEvent: OnProviderEvent): Promise<void> {
    const sandbox = this.mustRun(name)
    const step = { type: 'progress', step: 'Loading image', current: 1, total: 1 } as const
    onEvent({ ...step, title: `Loading ${image} into sandbox "${name}"`, state: 'running' })
    sandbox.images.load(image)
    onEvent({ ...step, title: `${image} is present on every simulated node`, state: 'done' })
  }

  /** The loopback port the sandbox's simulated ingress controller answers on. */
  ingressPort(name: string): number {
    return this.mustRun(name).ingressPort
  }

  /**
   * The ingress port of the running sandbox behind a `sandbox-<name>` context, when the context's server is that
   * sandbox (a context that only borrows the name points elsewhere: undefined).
   */
  ingressPortFor(context: string, server: string | undefined): number | undefined {
    if (!context.startsWith('sandbox-')) return undefined
    const sandbox = this.running.get(context.slice('sandbox-'.length))
    return sandbox && server?.replace(/\/$/, '') === sandbox.url ? sandbox.ingressPort : undefined
  }

  async clusterImages(name: string): Promise<string[]> {
    return this.mustRun(name).images.loaded()
  }

  /** After an app restart: starts the sandboxes that were running when it quit. */
  async restore(): Promise<{ name: string; error?: string }[]> {
    const results: { name: string; error?: string }[] = []
    for (const c of await this.list()) {
      const meta = await this.readMeta(c.name)
      if (!meta?.running || this.running.has(c.name)) continue
      try {
        await this.launch(meta, () => {}, false)
        results.push({ name: c.name })
      } catch (err) {
        results.push({ name: c.name, error: err instanceof Error ? err.message : String(err) })
      }
    }
    return results
  }

  /** On app quit: saves and stops every running sandbox, remembering to bring it back. */
  async shutdown(): Promise<void> {
    for (const name of [...this.running.keys()]) await this.stop(name, () => {}, undefined, true)
  }
}
