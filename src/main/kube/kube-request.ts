import http from 'node:http'
import https from 'node:https'
import type { KubeConfig } from '@kubernetes/client-node'
import { ApiError } from '../../shared/contract'

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

/** Plain-JSON GET. Lists use this instead of the generated clients, which turn every item into class instances. */
export type KubeGet = (path: string, query?: Query, signal?: AbortSignal) => Promise<unknown>

export function serverOf(kc: KubeConfig): string {
  return kc.getCurrentCluster()?.server ?? 'the cluster'
}

export function createKubeGet(kc: KubeConfig): KubeGet {
  return async (path, query = {}, signal) => {
    const cluster = kc.getCurrentCluster()
    if (!cluster) throw new ApiError('Unavailable', 'The kubeconfig context has no cluster to talk to.')
    const opts: https.RequestOptions = {}
    await kc.applyToHTTPSOptions(opts)
    const url = new URL(cluster.server.replace(/\/$/, '') + path)
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v))
    const transport = url.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        { ...opts, method: 'GET', headers: { ...opts.headers, Accept: 'application/json' }, signal },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', reject)
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            const status = res.statusCode ?? 0
            if (status < 200 || status >= 300) return reject(new KubeHttpError(status, text))
            try {
              resolve(JSON.parse(text) as unknown)
            } catch {
              reject(new ApiError('Internal', `The API server sent a response that is not JSON (${path}).`))
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
  }
}
