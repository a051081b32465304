import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson, sendJsonText, sendNotFoundPage } from '../server/http-util'
import type { ResourceDef } from '../api/resources'
import { customV3Document, customV3Keys } from '../crd/openapi'
import { v2Document, v2Protobuf } from './v2'
import { V2_PROTOBUF } from './v2-proto'
import { v3Document, v3Index } from './v3'

// GET /openapi/v2, /openapi/v3 and /openapi/v3/<group-version>. A document asked for by its current hash
// is immutable (kubectl caches it by that hash); an old hash is redirected to the current one.
export function serveOpenApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  // the sandbox's catalog: CRD-served group-versions get their own documents
  resources: readonly ResourceDef[] = [],
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendNotFoundPage(res)
  if (path === 'v2') {
    const accept = req.headers.accept ?? ''
    if (accept.includes('com.github.proto-openapi.spec.v2')) {
      const body = v2Protobuf(resources)
      res.writeHead(200, { 'Content-Type': V2_PROTOBUF, 'Content-Length': body.length })
      return void res.end(body)
    }
    return sendJsonText(res, 200, v2Document(resources))
  }
  if (path === 'v3') {
    const index = v3Index() as { paths: Record<string, unknown> }
    for (const key of customV3Keys(resources)) {
      const doc = customV3Document(resources, key)
      if (doc) index.paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` }
    }
    return sendJson(res, 200, index)
  }
  if (!path.startsWith('v3/')) return sendNotFoundPage(res)
  const key = path.slice(3)
  const doc = customV3Document(resources, key) ?? v3Document(key)
  if (!doc) return sendNotFoundPage(res)
  const asked = query.get('hash')
  if (asked !== null && asked !== doc.hash) {
    res.writeHead(301, { Location: `/openapi/v3/${key}?hash=${doc.hash}` })
    return void res.end()
  }
  res.setHeader('Etag', `"${doc.hash}"`)
  if (asked !== null) res.setHeader('Cache-Control', 'public, immutable')
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(doc.text) })
  res.end(req.method === 'HEAD' ? undefined : doc.text)
}
