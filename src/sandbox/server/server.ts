import type { IncomingMessage, ServerResponse } from 'node:http'
import https from 'node:https'
import type { Socket } from 'node:net'
import { AGGREGATED_TYPE, aggregatedDiscovery, wantsAggregated } from '../api/aggregated-discovery'
import { apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from '../api/discovery'
import { ApiError, internalError, unauthorized } from '../api/status'
import type { SandboxCerts } from './certs'
import { readBody, sendError, sendJson, sendJsonText, sendNotFoundPage } from './http-util'
import type { HandlerContext } from './resource-handler'
import { handleResource } from './resource-handler'
import type { Route } from './route'
import { parseRoute } from './route'
import { serveHealth } from './health'
import { answerReview, REVIEW_KINDS } from '../auth/reviews'
import { groupVersion } from '../api/resources'
import { serveOpenApi } from '../openapi/serve'
import { handleStreamUpgrade, rejectUpgrade } from '../exec/upgrade'
import { METRICS_GROUP, serveMetrics } from '../metrics/metrics-api'
import { AccessControl } from '../auth/access'
import { tokenKeys } from '../auth/tokens'
import { answerTokenRequest } from '../auth/token-request'
import type { UserInfo } from '../auth/user'
import { requestAttributes } from './request-attributes'
import { rbacAdmission } from '../auth/escalation'

// The HTTPS front door: authentication, impersonation and authorization, discovery, then resource handlers.
export interface ApiServer {
  port: number
  close(): Promise<void>
}

export async function startApiServer(
  certs: SandboxCerts,
  token: string,
  port: number,
  ctx: Omit<HandlerContext, 'trackStream'>,
): Promise<ApiServer> {
  const streams = new Set<() => void>()
  const trackStream = (end: () => void): (() => void) => {
    streams.add(end)
    return () => streams.delete(end)
  }
  const handlerCtx: HandlerContext = { ...ctx, trackStream }
  let address = ''
  const keys = tokenKeys(certs.key)
  const access = new AccessControl(token, keys, ctx.api)
  // Authenticates, applies impersonation and authorizes; undefined when the caller is unknown.
  const admit = (req: IncomingMessage, route: Route, url: URL, upgrade = false): UserInfo | undefined => {
    const caller = access.authenticate(req)
    if (!caller) return undefined
    const user = access.impersonate(req, caller)
    access.check(requestAttributes(user, req.method ?? 'GET', route, url, upgrade))
    return user
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const catalog = ctx.api.resources
    const route = parseRoute(url.pathname, (g, v, p) => catalog.find(g, v, p))
    // Like kube-apiserver's system:public-info-viewer: health and version answer a request without
    // credentials; wrong credentials are refused everywhere.
    const anonymousOk =
      req.headers.authorization === undefined && (route.type === 'health' || route.type === 'version')
    const user = anonymousOk ? undefined : admit(req, route, url)
    if (!anonymousOk && !user) return sendError(res, unauthorized())
    switch (route.type) {
      case 'health':
        return serveHealth(res, url.pathname, url.searchParams)
      case 'version':
        return sendJson(res, 200, VERSION_INFO)
      case 'openapi':
        return serveOpenApi(req, res, route.path, url.searchParams, catalog.all())
      case 'apiVersions':
      case 'groupList':
        if (wantsAggregated(req.headers.accept)) {
          const body = JSON.stringify(aggregatedDiscovery(route.type === 'apiVersions', catalog.all()))
          return sendJsonText(res, 200, body, AGGREGATED_TYPE)
        }
        return sendJson(
          res,
          200,
          route.type === 'apiVersions' ? apiVersions(address) : apiGroupList(catalog.all()),
        )
      case 'resourceList': {
        const list = apiResourceList(route.group, route.version, catalog.all())
        return list ? sendJson(res, 200, list) : sendNotFoundPage(res)
      }
      case 'resource':
        if (REVIEW_KINDS.has(route.resource.kind) && user) {
          const body = await readBody(req)
          const kind = route.resource.kind
          const review = answerReview(
            kind,
            groupVersion(route.resource),
            req.method ?? '',
            body,
            user,
            access,
          )
          return sendJson(res, 201, review)
        }
        if (route.resource.kind === 'ServiceAccount' && route.subresource === 'token' && route.name) {
          const body = await readBody(req)
          const { namespace, name } = route
          return sendJson(
            res,
            201,
            answerTokenRequest(ctx.api, keys, req.method ?? '', namespace, name, body),
          )
        }
        if (route.resource.group === METRICS_GROUP) {
          const { resource, namespace, name } = route
          return serveMetrics(
            ctx.api,
            ctx.traffic,
            res,
            req.method ?? 'GET',
            resource,
            namespace,
            name,
            url.searchParams,
          )
        }
        return handleResource(handlerCtx, req, res, route, url.searchParams, rbacAdmission(access, user))
      default:
        return sendNotFoundPage(res)
    }
  }

  const server = https.createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy()
      sendError(
        res,
        err instanceof ApiError ? err : internalError(err instanceof Error ? err.message : String(err)),
      )
    })
  })
  server.keepAliveTimeout = 5000
  // exec, attach and port-forward arrive as upgrades (WebSocket or SPDY/3.1), never as plain requests.
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const route = parseRoute(url.pathname)
    try {
      if (!admit(req, route, url, route.type === 'resource'))
        return rejectUpgrade(socket, 401, JSON.stringify(unauthorized().body))
    } catch (err) {
      if (err instanceof ApiError) return rejectUpgrade(socket, err.code, JSON.stringify(err.body))
      throw err
    }
    if (route.type !== 'resource') return rejectUpgrade(socket, 404, '404 page not found\n', 'text/plain')
    try {
      handleStreamUpgrade(ctx, req, socket, head, route, url.searchParams)
    } catch (err) {
      rejectUpgrade(
        socket,
        500,
        JSON.stringify(internalError(err instanceof Error ? err.message : String(err)).body),
      )
    }
  })
  // closeAllConnections() only knows sockets that reached HTTP; one still in its TLS handshake (a client
  // reconnecting just as we stop) would hold server.close() open until the client gives up. Track them all.
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as { port: number }).port
  address = `127.0.0.1:${actualPort}`
  return {
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of [...streams]) end()
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      }),
  }
}
