import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ResourceKind } from '@shared/rows'
import { decodeListRows, NotJson, type DecodedRows } from './list-decode'
import type { DecodeReply, DecodeRequest } from './list-decode-worker'

/** Decodes LIST pages into rows: on a worker thread when one can run, else here. */
export interface ListDecoder {
  /** Rejects with `NotJson` when the body is not a JSON list. `body` must not be used after the call. */
  decode(body: Buffer, kind: ResourceKind): Promise<DecodedRows>
  /**
   * 'worker' once big pages go to the worker; 'idle' before one was needed, 'starting' while it loads and
   * 'inline' when it cannot run (pages are then decoded here).
   */
  mode(): 'idle' | 'starting' | 'worker' | 'inline'
  /** Resolves once the worker is ready or known not to start (tests, and a backend that starts it early). */
  started(): Promise<void>
  close(): Promise<void>
}

interface Job {
  body: Buffer
  kind: ResourceKind
  resolve: (page: DecodedRows) => void
  reject: (err: unknown) => void
}

/** tsx's ESM `register` (its CommonJS build cannot register from an ESM worker), as a file URL. */
function tsxEsmApi(from: string): string | undefined {
  try {
    const pkgPath = createRequire(from).resolve('tsx/package.json')
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
      exports?: Record<string, { import?: { default?: string } }>
    }
    const rel = pkg.exports?.['./esm/api']?.import?.default
    return rel ? new URL(rel, pathToFileURL(pkgPath)).href : undefined
  } catch {
    return undefined
  }
}

/**
 * How to start the worker: from its source beside this module when the app runs from source (tsx, Vitest; Node
 * 20 does not apply `--import` loaders to a worker's entry, so a small bootstrap registers tsx first), or the
 * bundle's own entry (electron-vite builds `list-decode-worker.js` next to `index.js`; this module may sit in a
 * chunk one level below). Undefined when there is none: pages are then decoded here.
 */
function workerEntry(): { script: string | URL; eval: boolean } | undefined {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const entry = new URL('./list-decode-worker.ts', here)
    const tsx = tsxEsmApi(here)
    if (!tsx) return undefined
    const script = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`
    return existsSync(fileURLToPath(entry)) ? { script, eval: true } : undefined
  }
  for (const rel of ['./list-decode-worker.js', '../list-decode-worker.js']) {
    const url = new URL(rel, here)
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { script: url, eval: false }
  }
  return undefined
}

/**
 * Smaller pages are decoded here: a round trip to the worker costs more than they do, and a process that only
 * ever lists small collections (most clusters, most tests) never starts the worker. 500 pods are ~1 MB.
 */
const MIN_WORKER_BYTES = 256 * 1024

const inline = (job: Job): void => {
  try {
    job.resolve(decodeListRows(job.body, job.kind))
  } catch (err) {
    job.reject(err)
  }
}

/**
 * A worker moves the decoding off the main thread but adds ~15 % CPU (the rows are copied back), so it pays
 * only where a core is free for it: with two cores the main thread, the renderer and (in the bench) the
 * sandbox already use both, and measured end to end it was no faster there (docs/performance.md). Beyond two
 * cores it is on. `SKIFF_LIST_WORKER=1` or `0` decides instead.
 */
export function workerByDefault(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): boolean {
  if (env.SKIFF_LIST_WORKER === '1') return true
  if (env.SKIFF_LIST_WORKER === '0') return false
  return cores > 2
}

/**
 * One worker for every list of the process. The main thread keeps the network (TLS, the next page fetched
 * ahead) and the SSE framing; the worker turns each page's ~1 MB of JSON into its rows, so the whole objects
 * never cross threads, only ~300 bytes a row. Pages are decoded in the order they are handed in. A worker that
 * cannot start (no entry file, a loader that fails) leaves decoding here, with the same results.
 */
export function createListDecoder(opts: { worker?: boolean; minBytes?: number } = {}): ListDecoder {
  const useWorker = opts.worker ?? workerByDefault()
  const minBytes = opts.minBytes ?? MIN_WORKER_BYTES
  let worker: Worker | undefined
  let ready = false
  let broken = !useWorker
  let nextId = 0
  const sent = new Map<number, Job>()
  let waiters: (() => void)[] = []
  const settle = (): void => {
    const w = waiters
    waiters = []
    for (const f of w) f()
  }

  const refCount = (): void => {
    if (!worker) return
    if (sent.size > 0) worker.ref()
    else worker.unref() // an idle decoder never keeps the process alive
  }

  const post = (job: Job): void => {
    const id = ++nextId
    sent.set(id, job)
    // The page's bytes move to the worker without a copy when the Buffer owns its whole ArrayBuffer.
    const own =
      job.body.byteOffset === 0 && job.body.byteLength === job.body.buffer.byteLength
        ? job.body
        : Buffer.from(job.body)
    const req: DecodeRequest = { id, body: own, kind: job.kind }
    worker!.postMessage(req, [own.buffer as ArrayBuffer])
  }

  const start = (): void => {
    const entry = workerEntry()
    if (!entry) {
      broken = true
      return settle()
    }
    let w: Worker
    try {
      w = new Worker(entry.script, { eval: entry.eval })
    } catch {
      broken = true
      return settle()
    }
    worker = w
    ready = false
    w.on('message', (m: DecodeReply) => {
      if ('ready' in m) {
        ready = true
        return settle()
      }
      const job = sent.get(m.id)
      sent.delete(m.id)
      refCount()
      if (!job) return
      if ('page' in m) job.resolve(m.page)
      else job.reject(m.notJson ? new NotJson() : new Error(m.error))
    })
    const gone = (err: unknown): void => {
      if (worker !== w) return
      worker = undefined
      if (!ready) broken = true // it never loaded: decode here from now on
      for (const job of sent.values()) job.reject(err)
      sent.clear()
      settle()
    }
    w.on('error', gone)
    w.on('exit', (code) => gone(new Error(`the list decoder stopped (exit ${code})`)))
    refCount()
  }

  return {
    decode(body, kind) {
      return new Promise<DecodedRows>((resolve, reject) => {
        const job: Job = { body, kind, resolve, reject }
        if (body.length < minBytes) return inline(job)
        if (!broken && !worker) start()
        // Until the worker has loaded (a second or so from source), pages are decoded here: none waits for it.
        if (!ready || !worker) return inline(job)
        post(job)
        refCount()
      })
    },
    mode: () => (broken ? 'inline' : !worker ? 'idle' : ready ? 'worker' : 'starting'),
    started() {
      if (!broken && !worker) start()
      if (broken || (ready && worker)) return Promise.resolve()
      return new Promise<void>((resolve) => waiters.push(resolve))
    },
    async close() {
      const w = worker
      worker = undefined
      for (const job of sent.values()) job.reject(new Error('the list decoder was closed'))
      sent.clear()
      settle()
      await w?.terminate()
    },
  }
}

let shared: ListDecoder | undefined
/** The process's decoder, started on first use. */
export function sharedListDecoder(): ListDecoder {
  return (shared ??= createListDecoder())
}
