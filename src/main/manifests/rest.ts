import http from 'node:http'
import https from 'node:https'
import type { KubeConfig } from '@kubernetes/client-node'
import { ApiError } from '@shared/contract'
import { KubeHttpError, type Query } from '../kube/kube-request'

export interface RestAnswer {
  status: number
  body: unknown
  /** The API server's `Warning` headers, text only (kube-apiserver sends `299 - "text"`). */
  warnings: string[]
}

export interface RestRequest {
  method: 'GET' | 'PATCH'
  path: string
  query?: Query
  body?: string
  contentType?: string
}

const REQUEST_TIMEOUT_MS = 30_000

/** One call to the API server with any verb and body; a non-2xx answer rejects with KubeHttpError. */
export type Rest = (req: RestRequest) => Promise<RestAnswer>

function warningText(header: string | string[] | undefined): string[] {
  const all = Array.isArray(header) ? header : header ? [header] : []
  return all.flatMap((h) =>
    [...h.matchAll(/\d{3} [^ ]+ "((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? '').replace(/\\"/g, '"')),
  )
}

/** Builds the REST caller for one kubeconfig context (client-node applies its credentials and TLS). */
export function createRest(kc: KubeConfig): Rest {
  return async (req) => {
    const cluster = kc.getCurrentCluster()
    if (!cluster) throw new ApiError('Unavailable', 'The kubeconfig context has no cluster to talk to.')
    const opts: https.RequestOptions = {}
    await kc.applyToHTTPSOptions(opts)
    const url = new URL(cluster.server.replace(/\/$/, '') + req.path)
    for (const [k, v] of Object.entries(req.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = {
      ...(opts.headers as Record<string, string>),
      Accept: 'application/json',
    }
    if (req.contentType) headers['Content-Type'] = req.contentType
    const transport = url.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      const call = transport.request(url, { ...opts, method: req.method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const status = res.statusCode ?? 0
          if (status < 200 || status >= 300) return reject(new KubeHttpError(status, text))
          try {
            resolve({ status, body: JSON.parse(text) as unknown, warnings: warningText(res.headers.warning) })
          } catch {
            reject(new ApiError('Internal', `The API server sent a response that is not JSON (${req.path}).`))
          }
        })
      })
      call.on('error', reject)
      // A cluster that accepts the connection and never answers must not hang an apply forever.
      call.setTimeout(REQUEST_TIMEOUT_MS, () =>
        call.destroy(
          new ApiError('Timeout', `The API server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`),
        ),
      )
      call.end(req.body)
    })
  }
}
