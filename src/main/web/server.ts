import { createServer, type Server } from 'node:http'
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import { createHttpHandler } from '../transport/http'
import { newToken } from '../transport/web-auth'
import type { Dispatcher } from '../transport/dispatch'

export interface WebServerOptions {
  dispatcher: Dispatcher
  /** Folder with the built renderer (index.html). */
  staticDir: string
  port?: number
  token?: string
  /** Called when a page (not an asset) is requested; see HttpTransportOptions.onPage. */
  onPage?: () => void
  /** The page's first API request; see HttpTransportOptions.onPageStarted. */
  onPageStarted?: () => void
  /** Marks a static file's serving as foreground work; see HttpTransportOptions.onStatic. */
  onStatic?: () => () => void
}

export interface WebServer {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

/** Web mode: the built renderer plus the HTTP transport, on 127.0.0.1 only. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  if (!existsSync(options.staticDir)) {
    throw new Error(`The web UI is not built (${options.staticDir} is missing). Run: npm run build:web`)
  }
  const token = options.token ?? newToken()
  const serveStatic = sirv(options.staticDir, { single: true, dev: false, etag: true })
  let port = 0
  const handler = createHttpHandler({
    dispatcher: options.dispatcher,
    token,
    port: () => port,
    onPage: options.onPage,
    onPageStarted: options.onPageStarted,
    onStatic: options.onStatic,
    serveStatic: (req, res) =>
      serveStatic(req, res, () => {
        res.writeHead(404).end('Not found.')
      }),
  })
  const server = createServer(
    {
      // Slow clients cannot hold connections for ever: the whole request (not a stream's response) must
      // arrive within 30 s, its headers within 10 s. Oversized headers get Node's 431.
      requestTimeout: 30_000,
      headersTimeout: 10_000,
    },
    handler,
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    // The token rides in the fragment: browsers never send it to any server, nor in a Referer.
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
