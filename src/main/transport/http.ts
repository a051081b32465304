import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Dispatcher } from './dispatch'
import { createSseSessions, type SseSessions } from './sse-sessions'
import {
  createFailureLimiter,
  isLoopbackRequest,
  presentedToken,
  TOKEN_COOKIE,
  tokenMatches,
} from './web-auth'

export interface HttpTransportOptions {
  dispatcher: Dispatcher
  token: string
  /** The port the server listens on (known after listen) for Host/Origin checks. */
  port: () => number
  /** Serves the built renderer for anything that is not /api. */
  serveStatic: (req: IncomingMessage, res: ServerResponse) => void
}

const MAX_BODY = 1_100_000

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Web mode's request handler: loopback + token checks on every request, then POST calls and SSE streams. */
export function createHttpHandler(
  options: HttpTransportOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limiter = createFailureLimiter()
  const sessions = createSseSessions(options.dispatcher)

  return (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Content-Security-Policy', CSP)
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')

    if (!isLoopbackRequest(req, options.port()))
      return plain(res, 403, 'Forbidden: Skiff only answers on 127.0.0.1.')
    if (limiter.blocked()) return plain(res, 429, 'Too many failed attempts; wait a few seconds.')

    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!tokenMatches(options.token, presentedToken(req, url))) {
      limiter.fail()
      return plain(
        res,
        401,
        'Unauthorized: open the address Skiff printed when it started (it carries ?token=…).',
      )
    }

    // First visit with ?token=: trade it for an HttpOnly cookie and drop it from the address bar.
    if (url.searchParams.has('token') && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      res.setHeader(
        'Set-Cookie',
        `${TOKEN_COOKIE}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`,
      )
      url.searchParams.delete('token')
      res.writeHead(303, { Location: url.pathname + url.search })
      res.end()
      return
    }

    if (url.pathname === '/api/call') return void handleCall(req, res, options.dispatcher)
    if (url.pathname === '/api/stream') return handleStream(req, res, url, options.dispatcher)
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return plain(res, 405, 'Use GET.')
      return sessions.open(req, res)
    }
    if (url.pathname === '/api/events/control') return void handleControl(req, res, sessions)
    if (url.pathname.startsWith('/api/')) return plain(res, 404, 'Not found.')
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.')
    options.serveStatic(req, res)
  }
}

async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: SseSessions,
): Promise<void> {
  const body = await readJson(req, res)
  if (body === undefined) return
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(sessions.control(body)))
}

/** A POST's JSON body, or undefined after answering 405/415/413/400 itself. */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (req.method !== 'POST') return plain(res, 405, 'Use POST.')
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return plain(res, 415, 'Send JSON.')
  try {
    return JSON.parse(await readBody(req)) as unknown
  } catch (err) {
    const tooLarge = err instanceof BodyTooLarge
    return plain(res, tooLarge ? 413 : 400, tooLarge ? 'Request too large.' : 'Invalid JSON.')
  }
}

async function handleCall(req: IncomingMessage, res: ServerResponse, dispatcher: Dispatcher): Promise<void> {
  const body = await readJson(req, res)
  if (body === undefined) return
  const { method, input } = (body && typeof body === 'object' ? body : {}) as {
    method?: unknown
    input?: unknown
  }
  const result = await dispatcher.call(typeof method === 'string' ? method : '', input)
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(result))
}

function handleStream(req: IncomingMessage, res: ServerResponse, url: URL, dispatcher: Dispatcher): void {
  if (req.method !== 'GET') return plain(res, 405, 'Use GET.')
  let input: unknown
  try {
    input = JSON.parse(url.searchParams.get('input') ?? '{}')
  } catch {
    return plain(res, 400, 'Invalid JSON in input.')
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  res.flushHeaders()
  const unsubscribe = dispatcher.subscribe(
    url.searchParams.get('name') ?? '',
    input,
    (event) => res.write(`data: ${JSON.stringify(event)}\n\n`),
    (error) => {
      res.end(`event: end\ndata: ${JSON.stringify(error ? { error } : {})}\n\n`)
    },
  )
  // The browser closing the stream (or the page) ends the subscription and its generator's finally.
  req.on('close', unsubscribe)
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new BodyTooLarge())
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
