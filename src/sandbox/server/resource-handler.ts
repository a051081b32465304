import type { IncomingMessage, ServerResponse } from 'node:http'
import { deleteObject, parseDeleteOptions } from '../api/deletion'
import { evictPod } from '../api/eviction'
import type { ObjectApi, WriteOptions } from '../api/objects'
import type { ResourceDef } from '../api/resources'
import { toScale, writeScale } from '../api/scale'
import { badRequest, methodNotAllowed, notFound } from '../api/status'
import type { IncludeObject } from '../api/table'
import { tableJson, wantsTable } from '../api/table'
import { refuseStrategicMerge } from '../crd/custom-request'
import { toCustomScale, writeCustomScale } from '../crd/custom-scale'
import { asServedVersion } from '../crd/versions'
import { readBody, sendJson, sendJsonParts, sendJsonText } from './http-util'
import { listBody, listPage, parseListQuery } from './list'
import type { WatchOptions } from './watch'
import { serveWatch } from './watch'
import { managerFromUserAgent } from '../apply/managed-fields'
import { queryBool, queryDryRun, queryFieldValidation, queryInt } from '../api/query'
import type { TrafficMeter } from '../metrics/traffic'

export interface ResourceRequest {
  resource: ResourceDef
  namespace: string
  name?: string
  subresource?: string
}

export interface HandlerContext {
  api: ObjectApi
  watch: WatchOptions
  trackStream: (end: () => void) => () => void
  // requests pods answered through port-forward: load for metrics.k8s.io
  traffic: TrafficMeter
  serveLog: (
    req: IncomingMessage,
    res: ServerResponse,
    namespace: string,
    name: string,
    query: URLSearchParams,
  ) => void
}

function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject')
  return v === 'None' || v === 'Object' ? v : 'Metadata'
}

function isWatch(query: URLSearchParams): boolean {
  return queryBool(query, 'watch')
}

// CRUD, scale and watch for one resource path; errors are thrown as ApiError and rendered by the caller.
export async function handleResource(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: ResourceRequest,
  query: URLSearchParams,
  admit?: WriteOptions['admit'],
): Promise<void> {
  const { api } = ctx
  const { resource: r, namespace: ns, name, subresource } = route
  const method = req.method ?? 'GET'
  const dryRun = queryDryRun(query)
  // Unknown-field warnings reach the client as `Warning: 299 - "..."` headers, as kube-apiserver sends
  // them, on success and on a later error alike.
  const sent: string[] = []
  const warnings = {
    push: (...w: string[]): number => {
      sent.push(...w)
      res.setHeader(
        'Warning',
        sent.map((x) => `299 - ${JSON.stringify(x)}`),
      )
      return sent.length
    },
  }
  const writeOpts = {
    dryRun,
    fieldValidation: queryFieldValidation(query),
    warnings,
    fieldManager: query.get('fieldManager') || managerFromUserAgent(req.headers['user-agent']),
    ...(admit ? { admit } : {}),
  }
  const send = (code: number, obj: unknown): void => sendJson(res, code, obj)
  const accept = req.headers.accept

  if (subresource === 'log') {
    if (r.kind !== 'Pod' || !name || method !== 'GET') throw methodNotAllowed()
    api.get(r, ns, name)
    ctx.serveLog(req, res, ns, name, query)
    return
  }
  if (subresource === 'eviction') {
    if (r.kind !== 'Pod' || r.custom || !name || method !== 'POST') throw methodNotAllowed()
    return send(201, evictPod(api, ns, name, await readBody(req), dryRun))
  }
  if (subresource === 'scale' && r.custom) {
    if (!name) throw methodNotAllowed()
    if (method === 'GET') return sendJson(res, 200, toCustomScale(r, api.get(r, ns, name)))
    const body = await readBody(req)
    const type = method === 'PATCH' ? refuseStrategicMerge(r, req.headers['content-type'] ?? '') : undefined
    if (method === 'PUT' || method === 'PATCH')
      return sendJson(res, 200, writeCustomScale(api, r, ns, name, body, type, dryRun))
    throw methodNotAllowed()
  }
  if (subresource === 'scale') {
    if (!r.subresources.some((s) => s.name === 'scale')) throw notFound(r, name ?? '')
    if (!name) throw methodNotAllowed()
    if (method === 'GET') return sendJson(res, 200, toScale(api.get(r, ns, name)))
    const body = await readBody(req)
    const manager = writeOpts.fieldManager
    if (method === 'PUT')
      return sendJson(res, 200, writeScale(api, r, ns, name, body, undefined, dryRun, manager))
    if (method === 'PATCH') {
      const type = req.headers['content-type'] ?? ''
      return sendJson(res, 200, writeScale(api, r, ns, name, body, type, dryRun, manager))
    }
    throw methodNotAllowed()
  }
  if (subresource !== undefined && subresource !== 'status') {
    throw badRequest(`subresource ${subresource} is not supported by the sandbox`)
  }
  if (subresource === 'status' && r.custom && !r.custom.statusSubresource) throw notFound(r, name ?? '')
  const status = subresource === 'status' ? { subresource: 'status' as const } : {}

  if (!name) {
    if (method === 'GET') {
      if (isWatch(query)) {
        const timeout = queryInt(query, 'timeoutSeconds')
        serveWatch(
          api.store,
          res,
          {
            resource: r,
            namespace: ns,
            query: parseListQuery(r, query),
            resourceVersion: query.get('resourceVersion'),
            bookmarks: queryBool(query, 'allowWatchBookmarks'),
            timeoutSeconds: timeout || undefined,
            table: wantsTable(accept) ? { include: includeObject(query) } : undefined,
            now: () => api.clock.now(),
          },
          ctx.watch,
          ctx.trackStream,
        )
        return
      }
      const page = listPage(api.store, r, ns, query)
      if (wantsTable(accept)) {
        const text = tableJson(
          r,
          page.entries.map((e) => e.obj),
          {
            now: api.clock.now(),
            resourceVersion: page.resourceVersion,
            include: includeObject(query),
            withColumns: true,
            ...(page.continueToken
              ? { continueToken: page.continueToken, remainingItemCount: page.remaining }
              : {}),
          },
        )
        return sendJsonText(res, 200, text)
      }
      return sendJsonParts(res, 200, listBody(r, page))
    }
    if (method === 'POST') {
      const created = api.create(r, ns, await readBody(req), writeOpts)
      return send(201, created)
    }
    if (method === 'DELETE') {
      const page = listPage(api.store, r, ns, query)
      const opts = parseDeleteOptions(await readBody(req), query)
      for (const e of page.entries)
        deleteObject(api, r, e.obj.metadata.namespace ?? '', e.obj.metadata.name, opts)
      return sendJsonParts(res, 200, listBody(r, page))
    }
    throw methodNotAllowed()
  }

  switch (method) {
    case 'GET': {
      if (isWatch(query)) throw badRequest('watch requests must target a collection')
      const obj = api.get(r, ns, name)
      if (wantsTable(accept)) {
        const text = tableJson(r, [obj], {
          now: api.clock.now(),
          resourceVersion: obj.metadata.resourceVersion,
          include: includeObject(query),
          withColumns: true,
        })
        return sendJsonText(res, 200, text)
      }
      return sendJson(res, 200, asServedVersion(r, obj))
    }
    case 'PUT':
      return send(200, api.update(r, ns, name, await readBody(req), { ...writeOpts, ...status }))
    case 'PATCH': {
      const type = refuseStrategicMerge(r, req.headers['content-type'] ?? '')
      const body = await readBody(req)
      // Server-side apply creates what does not exist yet.
      if (type.startsWith('application/apply-patch')) {
        if (subresource) throw badRequest('the sandbox applies only to the main resource')
        const force = queryBool(query, 'force')
        const fieldManager = query.get('fieldManager') ?? undefined
        const applied = api.apply(r, ns, name, body, { ...writeOpts, fieldManager, force })
        return send(applied.created ? 201 : 200, applied.obj)
      }
      return send(200, api.patch(r, ns, name, type, body, { ...writeOpts, ...status }))
    }
    case 'DELETE': {
      const result = deleteObject(api, r, ns, name, parseDeleteOptions(await readBody(req), query))
      return sendJson(res, 200, result.kind === 'object' ? result.obj : result.body)
    }
    default:
      throw methodNotAllowed()
  }
}
