import { randomUUID } from 'node:crypto'
import { diagnosticsText } from './diagnostics'
import { ClusterError, toJobError } from './errors'
import { EventLog } from './event-log'
import type { JobEvent, JobInfo, JobRequest } from './job-types'
import { formatCommand } from './run'
import type { ClusterInfo, ClusterProvider, ProviderEvent, ProviderId } from './types'

export interface JobRunner {
  /** Starts a job; throws ClusterError (before anything runs) for a bad name or a busy cluster. */
  start(request: JobRequest): JobInfo
  get(id: string): JobInfo | undefined
  list(): JobInfo[]
  running(): JobInfo[]
  /** Kills the job's child process; the provider cleans up. Returns false if not running. */
  cancel(id: string): boolean
  cancelAll(): Promise<void>
  /** History then live events; ends after `done`, on `signal` abort, or on `return()`. */
  subscribe(id: string, signal?: AbortSignal): AsyncIterableIterator<JobEvent>
  /** Resolves when the job has ended. */
  wait(id: string): Promise<JobInfo>
  /** The full raw output (kept after failure). */
  log(id: string): string
  diagnostics(id: string): Promise<string>
  /** Called when any job starts or ends (e.g. to refresh cluster lists). */
  onChange(listener: (job: JobInfo) => void): () => void
  readerCount(id: string): number
}

interface Job {
  info: JobInfo
  events: EventLog<JobEvent>
  controller: AbortController
  finished: Promise<void>
}

const MAX_FINISHED_JOBS = 50
const PAST = { start: 'Started', stop: 'Stopped', pause: 'Paused', unpause: 'Unpaused' } as const

function summaryOf(request: JobRequest, cluster?: ClusterInfo, output?: string[]): string {
  const name = request.action === 'create' ? request.spec.name : request.name
  const what = `${request.provider} cluster "${name}"`
  switch (request.action) {
    case 'create':
      return `Created ${what}. The current kubectl context is now "${cluster?.contextName ?? name}".`
    case 'delete':
      return `Deleted ${what} and its kubeconfig context.`
    case 'load-image':
      return `Loaded "${request.image}" into ${what}.`
    case 'enable-addon':
      return `Enabled the ${request.addon} addon on ${what}.`
    case 'disable-addon':
      return `Disabled the ${request.addon} addon on ${what}.`
    case 'service-url':
      return output?.length
        ? `${request.namespace}/${request.service}: ${output.join(' ')}`
        : `minikube printed no URL for ${request.namespace}/${request.service} (it has no node port).`
    default:
      return `${PAST[request.action]} ${what}.`
  }
}

/** Runs one request against its provider; the provider method it needs was checked at start. */
async function perform(
  provider: ClusterProvider,
  request: JobRequest,
  onEvent: (e: ProviderEvent) => void,
  signal: AbortSignal,
): Promise<{ cluster?: ClusterInfo; output?: string[] }> {
  const missing = (): ClusterError => new ClusterError(`${provider.id} clusters cannot ${request.action}`)
  switch (request.action) {
    case 'create':
      return { cluster: await provider.create(request.spec, onEvent, signal) }
    case 'load-image':
      if (!provider.loadImage) throw missing()
      await provider.loadImage(request.name, request.image, onEvent, signal)
      return {}
    case 'enable-addon':
    case 'disable-addon':
      if (!provider.setAddon) throw missing()
      await provider.setAddon(request.name, request.addon, request.action === 'enable-addon', onEvent, signal)
      return {}
    case 'service-url':
      if (!provider.serviceUrl) throw missing()
      return {
        output: await provider.serviceUrl(request.name, request.namespace, request.service, onEvent, signal),
      }
    default: {
      const method = provider[request.action]
      if (!method) throw missing()
      await method.call(provider, request.name, onEvent, signal)
      return {}
    }
  }
}

const METHOD_FOR: Record<Exclude<JobRequest['action'], 'create' | 'delete'>, keyof ClusterProvider> = {
  start: 'start',
  stop: 'stop',
  pause: 'pause',
  unpause: 'unpause',
  'load-image': 'loadImage',
  'enable-addon': 'setAddon',
  'disable-addon': 'setAddon',
  'service-url': 'serviceUrl',
}

export function createJobRunner(providers: Partial<Record<ProviderId, ClusterProvider>>): JobRunner {
  const jobs = new Map<string, Job>()
  const busy = new Map<string, string>()
  const listeners = new Set<(job: JobInfo) => void>()
  const notify = (info: JobInfo): void => listeners.forEach((l) => l({ ...info }))

  const mustGet = (id: string): Job => {
    const job = jobs.get(id)
    if (!job)
      throw new ClusterError(`There is no job "${id}" (it may have ended long ago)`, { missing: true })
    return job
  }

  const forgetOld = (): void => {
    const done = [...jobs.values()].filter((j) => j.info.status !== 'running')
    for (const j of done.slice(0, Math.max(0, done.length - MAX_FINISHED_JOBS))) jobs.delete(j.info.id)
  }

  async function execute(job: Job, provider: ClusterProvider, request: JobRequest): Promise<void> {
    const { info, events, controller } = job
    const onEvent = (e: ProviderEvent): void => {
      if (e.type === 'command') {
        const cmd = formatCommand(e.argv)
        info.commands.push(cmd)
        events.push({ type: 'log', stream: 'stderr', line: `$ ${cmd}` })
        return
      }
      if (e.type === 'progress') info.progress = { ...e }
      events.push({ ...e })
    }
    const signal = controller.signal
    let cluster: ClusterInfo | undefined
    let output: string[] | undefined
    let status: Exclude<JobInfo['status'], 'running'>
    try {
      ;({ cluster, output } = await perform(provider, request, onEvent, signal))
      status = 'succeeded'
    } catch (err) {
      status = signal.aborted ? 'cancelled' : 'failed'
      info.error = toJobError(err)
    }
    info.status = status
    info.endedAt = Date.now()
    const done: JobEvent = {
      type: 'done',
      ok: status === 'succeeded',
      status,
      summary: info.error ? info.error.message : summaryOf(request, cluster, output),
    }
    if (info.error) done.error = info.error
    if (cluster) done.cluster = cluster
    if (output) done.output = output
    events.push(done)
    events.close()
  }

  return {
    start(request) {
      const provider = providers[request.provider]
      if (!provider) throw new ClusterError(`Unknown cluster provider "${request.provider}"`)
      const name = request.action === 'create' ? request.spec.name : request.name
      if (
        request.action !== 'create' &&
        request.action !== 'delete' &&
        !provider[METHOD_FOR[request.action]]
      ) {
        throw new ClusterError(`${request.provider} clusters cannot ${request.action}`)
      }
      const key = `${request.provider}/${name}`
      const other = busy.get(key)
      if (other) {
        const running = jobs.get(other)?.info.action ?? 'job'
        throw new ClusterError(`A ${running} is already running for ${request.provider} cluster "${name}"`, {
          advice: 'Wait for it to finish or cancel it first.',
        })
      }
      const info: JobInfo = {
        id: `job-${randomUUID()}`,
        action: request.action,
        provider: request.provider,
        name,
        status: 'running',
        startedAt: Date.now(),
        commands: [],
      }
      const job: Job = {
        info,
        events: new EventLog(),
        controller: new AbortController(),
        finished: Promise.resolve(),
      }
      jobs.set(info.id, job)
      busy.set(key, info.id)
      notify(info)
      job.finished = execute(job, provider, request).finally(() => {
        busy.delete(key)
        forgetOld()
        notify(info)
      })
      return { ...info }
    },
    get: (id) => {
      const info = jobs.get(id)?.info
      return info ? { ...info } : undefined
    },
    list: () => [...jobs.values()].map((j) => ({ ...j.info })),
    running: () => [...jobs.values()].filter((j) => j.info.status === 'running').map((j) => ({ ...j.info })),
    cancel(id) {
      const job = jobs.get(id)
      if (!job || job.info.status !== 'running') return false
      job.controller.abort()
      return true
    },
    async cancelAll() {
      const running = [...jobs.values()].filter((j) => j.info.status === 'running')
      running.forEach((j) => j.controller.abort())
      await Promise.all(running.map((j) => j.finished))
    },
    subscribe: (id, signal) => mustGet(id).events.read(signal),
    async wait(id) {
      const job = mustGet(id)
      await job.finished
      return { ...job.info }
    },
    log: (id) =>
      mustGet(id)
        .events.events.flatMap((e) => (e.type === 'log' ? [e.line] : []))
        .join('\n'),
    async diagnostics(id) {
      const job = mustGet(id)
      const provider = providers[job.info.provider]
      const versions = (await provider?.versions?.().catch(() => [])) ?? []
      return diagnosticsText(job.info, versions, this.log(id))
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    readerCount: (id) => mustGet(id).events.readerCount,
  }
}
