import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse as parseYaml } from 'yaml'
import type { ApiError } from '../api/status'
import { badRequest } from '../api/status'
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
  // Gather the cached pieces into ~1 MB chunks: few large TLS writes beat thousands of tiny ones.
  let batch: Buffer[] = []
  let size = 0
  for (const p of parts) {
    batch.push(p)
    size += p.length
    if (size >= 1 << 20) {
      res.write(Buffer.concat(batch, size))
      batch = []
      size = 0
    }
  }
  res.end(batch.length > 0 ? Buffer.concat(batch, size) : undefined)
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

const MAX_BODY = 16 * 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY) throw badRequest('request entity too large')
    chunks.push(buf)
  }
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
