import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import type { KubeConfig } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'

/** A non-2xx answer; `body` is the raw text (usually a Status object). */
export class KubeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: string,
  ) {
    super(`HTTP ${statusCode}`)
    this.name = 'KubeHttpError'
  }
}

export type Query = Record<string, string | number | boolean | undefined>

/**
 * Plain-JSON GET. Lists use this instead of the generated clients, which turn every item into class instances.
 * `onHead` gets the first bytes of a 2xx answer as they arrive (a list's metadata, before its items).
 */
export type KubeGet = (
  path: string,
  query?: Query,
  signal?: AbortSignal,
  onHead?: (head: string) => void,
) => Promise<unknown>

/** Enough of a list's head for its ListMeta; a continue token is a few hundred bytes at most. */
const HEAD_BYTES = 8192

export function serverOf(kc: KubeConfig): string {
  return kc.getCurrentCluster()?.server ?? 'the cluster'
}

/** A GET that may keep its connection open between calls; `close()` lets it go. */
export type KubeGetSession = KubeGet & { close(): void }

/**
 * client-node's applyToHTTPSOptions makes a new Agent for every call, so every request paid a TLS handshake
 * (a paged list of 50,000 pods: 100 of them). This keeps one keep-alive agent per TLS identity instead; a new
 * identity (a rotated client certificate, say) gets a new agent. Clusters behind a proxy keep client-node's.
 */
function keepAliveAgents(): { use(opts: https.RequestOptions, proxied: boolean): void; close(): void } {
  let current: { id: string; agent: https.Agent } | undefined
  return {
    use(opts, proxied) {
      if (proxied) return
      const tlsOpts = {
        ca: opts.ca,
        cert: opts.cert,
        key: opts.key,
        pfx: opts.pfx,
        passphrase: opts.passphrase,
        servername: opts.servername,
        rejectUnauthorized: opts.rejectUnauthorized,
      }
      const id = Object.values(tlsOpts).map(textOf).join('|')
      if (current?.id !== id) {
        current?.agent.destroy()
        const defined = Object.fromEntries(Object.entries(tlsOpts).filter(([, v]) => v !== undefined))
        const { ca, cert, key, pfx, passphrase } = opts
        const secureContext = secureContextFor({ ca, cert, key, pfx, passphrase })
        current = {
          id,
          agent: new https.Agent({ ...defined, secureContext, keepAlive: true, maxSockets: 4 }),
        }
      }
      opts.agent = current.agent
    },
    close() {
      current?.agent.destroy()
      current = undefined
    },
  }
}

/**
 * TLS contexts by identity (CA, client certificate and key), shared by every connection and every watch that
 * uses it. Without one, each new connection builds its own: parsing the CA and key cost ~10 ms of this one
 * thread per connection, and a cold start opens several at once, just when the first rows are to be sent.
 */
const secureContexts = new Map<string, tls.SecureContext>()
const MAX_SECURE_CONTEXTS = 16

export function secureContextFor(opts: tls.SecureContextOptions): tls.SecureContext {
  const id = createHash('sha256')
    .update(JSON.stringify([opts.ca, opts.cert, opts.key, opts.pfx, opts.passphrase].map(textOf)))
    .digest('base64')
  let context = secureContexts.get(id)
  if (!context) {
    context = tls.createSecureContext(opts)
    if (secureContexts.size >= MAX_SECURE_CONTEXTS) secureContexts.delete(secureContexts.keys().next().value!)
    secureContexts.set(id, context)
  }
  return context
}

function textOf(v: unknown): string {
  return v === undefined
    ? ''
    : Array.isArray(v)
      ? v.map(textOf).join(',')
      : Buffer.isBuffer(v)
        ? v.toString('base64')
        : String(v)
}

/** The body of a 2xx answer as bytes, for a caller that decodes it elsewhere (a list page on a worker). */
export type KubeGetBytes = (
  path: string,
  query?: Query,
  signal?: AbortSignal,
  onHead?: (head: string) => void,
) => Promise<Buffer>

/** A GET whose caller may also take the raw bytes of an answer instead of its parsed JSON. */
export type KubeGetSessionWithBytes = KubeGetSession & { bytes: KubeGetBytes }

/** The message for a 2xx body that does not parse. */
export const notJsonMessage = (path: string): string =>
  `The API server sent a response that is not JSON (${path}).`

/** `accept` asks for another representation: a Table, aggregated discovery, metadata only. */
export function createKubeGet(kc: KubeConfig, accept = 'application/json'): KubeGetSessionWithBytes {
  const agents = keepAliveAgents()
  const bytes: KubeGetBytes = async (path, query = {}, signal, onHead) => {
    const cluster = kc.getCurrentCluster()
    if (!cluster) throw new ApiError('Unavailable', 'The kubeconfig context has no cluster to talk to.')
    const opts: https.RequestOptions = {}
    await kc.applyToHTTPSOptions(opts)
    agents.use(opts, Boolean(cluster.proxyUrl) || cluster.server.startsWith('http:'))
    const url = new URL(cluster.server.replace(/\/$/, '') + path)
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v))
    const transport = url.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        { ...opts, method: 'GET', headers: { ...opts.headers, Accept: accept }, signal },
        (res) => {
          const chunks: Buffer[] = []
          const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300
          let head = onHead && ok ? '' : undefined
          res.on('data', (c: Buffer) => {
            chunks.push(c)
            if (head === undefined) return
            head += c.subarray(0, HEAD_BYTES - head.length).toString('utf8')
            if (head.length >= HEAD_BYTES || head.includes('"items":')) {
              const h = head
              head = undefined
              onHead?.(h)
            }
          })
          res.on('error', reject)
          res.on('end', () => {
            const body = Buffer.concat(chunks)
            const status = res.statusCode ?? 0
            if (status < 200 || status >= 300) return reject(new KubeHttpError(status, body.toString('utf8')))
            resolve(body)
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
  }
  const get: KubeGet = async (path, query, signal, onHead) => {
    const body = await bytes(path, query, signal, onHead)
    try {
      return JSON.parse(body.toString('utf8')) as unknown
    } catch {
      throw new ApiError('Internal', notJsonMessage(path))
    }
  }
  return Object.assign(get, { close: () => agents.close(), bytes })
}
