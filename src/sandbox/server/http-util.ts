import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse as parseYaml } from 'yaml'
import type { ApiError } from '../api/status'
import { badRequest, requestTooLarge } from '../api/status'
import { markDuplicates } from '../api/duplicate-keys'
import { decodeK8sProtobuf, isProtobuf } from './protobuf'

// Response helpers: every JSON answer carries Content-Type and the real server's Cache-Control.
export function sendJsonText(
  res: ServerResponse,
  code: number,
  body: string,
  contentType = 'application/json',
): void {
  res.writeHead(code, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(body),
  })
  res.end(body)
}

export function sendJsonParts(res: ServerResponse, code: number, parts: Buffer[]): void {
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': parts.reduce((n, p) => n + p.length, 0),
  })
  // Gather the cached pieces into ~1 MB chunks (few large TLS writes beat thousands of tiny ones) and send
  // the next only when the socket has taken the last: a 90 MB list is then never buffered whole, and other
  // requests are served between its chunks.
  let i = 0
  const pump = (): void => {
    while (i < parts.length) {
      const batch: Buffer[] = []
      let size = 0
      for (; i < parts.length && size < 1 << 20; i++) {
        const p = parts[i] as Buffer
        batch.push(p)
        size += p.length
      }
      const chunk = batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch, size)
      if (i >= parts.length) return void res.end(chunk)
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    res.end()
  }
  pump()
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  sendJsonText(res, code, JSON.stringify(body))
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.code, err.body)
}

export function sendNotFoundPage(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
  res.end('404 page not found\n')
}

/** kube-apiserver's MaxRequestBodyBytes. */
export const MAX_BODY = 3 * 1024 * 1024
/** Past this an oversized body is no longer drained: the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  // Over the limit the rest is read and dropped, so the client sees the 413 rather than a reset.
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > DRAIN_LIMIT) break
    if (size <= MAX_BODY) chunks.push(buf)
    else chunks.length = 0
  }
  if (size > MAX_BODY) throw requestTooLarge(MAX_BODY)
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
  const raw = Buffer.concat(chunks)
  // kubectl's typed clients (create deployment, create namespace, ...) send protobuf bodies.
  if (type === 'application/vnd.kubernetes.protobuf' || isProtobuf(raw)) return decodeK8sProtobuf(raw)
  const text = raw.toString('utf8')
  if (text.trim() === '') return undefined
  try {
    if (type.includes('yaml')) return parseYaml(text) as unknown
    const parsed = JSON.parse(text) as unknown
    markDuplicates(parsed, text)
    return parsed
  } catch (err) {
    throw badRequest(`error decoding request body: ${err instanceof Error ? err.message : String(err)}`)
  }
}
