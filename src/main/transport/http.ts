import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Dispatcher } from './dispatch'
import { writeFrame } from './sse-write'
import { BodyTooLarge, readBody } from './read-body'
import { activeResources, liveCounts } from '../util/live-counts'
import { gcActivity, type GcActivity } from '../util/gc-activity'
import { createSseSessions, type SseSessions } from './sse-sessions'
import { bearerToken, createFailureLimiter, isLoopbackRequest, tokenMatches } from './web-auth'

export interface HttpTransportOptions {
  dispatcher: Dispatcher
  token: string
  /** The port the server listens on (known after listen) for Host/Origin checks. */
  port: () => number
  /** Serves the built renderer for anything that is not /api. */
  serveStatic: (req: IncomingMessage, res: ServerResponse) => void
  /** The page itself (not an asset) was asked for: a page is loading. */
  onPage?: () => void
  /**
   * The first authorised API request since a page was sent: that page's script now runs, and its files have
   * gone out (a page asks for its files before its script can call). Work started here no longer competes
   * with sending them.
   */
  onPageStarted?: () => void
  /**
   * A file of the page is being served: work a person waits for, as a contract call is (see
   * util/foreground.ts), so a prewarm in progress steps aside while the page's script, styles and chunks go
   * out. Returns the end of that work.
   */
  onStatic?: () => () => void
  /** Where a fault that escaped a handler is reported (the request gets 500; the process lives on). */
  log?: (message: string) => void
}

export const MAX_BODY = 1_100_000

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const UNAUTHORIZED =
  'Unauthorized: this session is no longer authorised. Open the address Skiff printed when it started.'

/**
 * Web mode's request handler. Pages and assets (the open-source renderer, no secrets) are served to any
 * loopback request; every /api request needs `Authorization: Bearer <token>`, which the page reads from the
 * launch URL's fragment. Nothing a client sends may end the process: every fault becomes a 4xx/5xx answer.
 */
export function createHttpHandler(
  options: HttpTransportOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limiter = createFailureLimiter()
  let pageSent = false
  const sessions = createSseSessions(options.dispatcher)
  const log = options.log ?? ((m: string) => console.error(m))

  const refuseToken = (res: ServerResponse): void => {
    if (limiter.blocked()) return plain(res, 429, 'Too many failed attempts; wait a few seconds.')
    limiter.fail()
    plain(res, 401, UNAUTHORIZED)
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void | Promise<void> => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Content-Security-Policy', CSP)
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')

    if (!isLoopbackRequest(req, options.port()))
      return plain(res, 403, 'Forbidden: Skiff only answers on 127.0.0.1.')

    const url = parseUrl(req.url)
    if (!url) return plain(res, 400, 'Bad request: the address cannot be read.')

    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(options.token, bearerToken(req))) return refuseToken(res)
      if (pageSent) {
        pageSent = false
        options.onPageStarted?.()
      }
      if (url.pathname === '/api/call') return handleCall(req, res, options.dispatcher)
      if (url.pathname === '/api/stream') return handleStream(req, res, url, options.dispatcher)
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return plain(res, 405, 'Use GET.')
        return sessions.open(req, res, url.searchParams.get('session'))
      }
      if (url.pathname === '/api/events/control') return handleControl(req, res, sessions)
      if (url.pathname === '/api/diagnostics')
        return handleDiagnostics(req, res, url, options.dispatcher, sessions)
      return plain(res, 404, 'Not found.')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.')

    // An old-style first visit (`/?token=`): move the token into the fragment, which is never sent again.
    if (url.searchParams.has('token')) {
      if (!tokenMatches(options.token, url.searchParams.get('token') ?? undefined)) return refuseToken(res)
      res.writeHead(303, { Location: `/#token=${options.token}`, 'Cache-Control': 'no-store' })
      return void res.end()
    }
    // The document (any path the single-page app answers, not an asset): the page's first request. Announced
    // once the document is sent, so what it starts never delays the document itself.
    if (!url.pathname.startsWith('/assets/') && !/\.\w+$/.test(url.pathname))
      res.once('finish', () => {
        pageSent = true
        options.onPage?.()
      })
    const served = options.onStatic?.()
    if (served) res.once('close', served)
    options.serveStatic(req, res)
  }

  return (req, res) => {
    const fault = (err: unknown): void => {
      log(`web mode: a request failed: ${err instanceof Error ? err.message : String(err)}`)
      if (!res.headersSent) plain(res, 500, 'Internal error; Skiff keeps running.')
      else res.destroy()
    }
    req.on('error', () => res.destroy())
    try {
      const done = handle(req, res)
      if (done) done.catch(fault)
    } catch (err) {
      fault(err)
    }
  }
}

/** The request target as a URL, or undefined when it cannot be read (e.g. `//`, a bare `*`). */
function parseUrl(target: string | undefined): URL | undefined {
  if (!target?.startsWith('/')) return undefined
  try {
    const url = new URL(target, 'http://127.0.0.1')
    return url.host === '127.0.0.1' ? url : undefined
  } catch {
    return undefined
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
    return JSON.parse(await readBody(req, MAX_BODY)) as unknown
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

/**
 * What this backend holds open right now, for leak checks from outside (the bench's soak): streams, watches,
 * Node's handles, memory. `?gc=1` collects garbage first when the process runs with --expose-gc.
 */
function handleDiagnostics(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  dispatcher: Dispatcher,
  sessions: SseSessions,
): void {
  if (req.method !== 'GET') return plain(res, 405, 'Use GET.')
  const gc = (globalThis as { gc?: () => void }).gc
  if (url.searchParams.get('gc') === '1' && gc) gc()
  const memory = process.memoryUsage()
  const body: WebDiagnostics = {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    collected: url.searchParams.get('gc') === '1' && gc !== undefined,
    subscriptions: dispatcher.activeSubscriptions(),
    sseSessions: sessions.count(),
    sseStreams: sessions.streams(),
    live: liveCounts(),
    resources: activeResources(),
    gc: gcActivity(),
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

export interface WebDiagnostics {
  rssBytes: number
  heapUsedBytes: number
  /** Whether a garbage collection ran just before (needs --expose-gc). */
  collected: boolean
  subscriptions: number
  sseSessions: number
  sseStreams: number
  /** Watch caches, open watch requests and subscriptions per stream, by name. */
  live: Record<string, number>
  /** Node's active handles by type (Timeout, TCPSocketWrap, FSEventWrap, ...). */
  resources: Record<string, number>
  /** Garbage collections since the first diagnostics request (which starts counting them). */
  gc: GcActivity
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
    (event) => writeFrame(res, `data: ${JSON.stringify(event)}\n\n`),
    (error) => {
      res.end(`event: end\ndata: ${JSON.stringify(error ? { error } : {})}\n\n`)
    },
  )
  // The browser closing the stream (or the page) ends the subscription and its generator's finally.
  req.on('close', unsubscribe)
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
