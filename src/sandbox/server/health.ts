import type { ServerResponse } from 'node:http'
import { sendNotFoundPage } from './http-util'

// /healthz, /livez and /readyz as kube-apiserver answers them: "ok", or with ?verbose one line per check,
// ?exclude=NAME skips a check, /livez/NAME runs one check alone.
const HEALTHZ = [
  'ping',
  'log',
  'etcd',
  'poststarthook/start-apiserver-admission-initializer',
  'poststarthook/generic-apiserver-start-informers',
  'poststarthook/start-apiextensions-informers',
  'poststarthook/start-apiextensions-controllers',
  'poststarthook/crd-informer-synced',
  'poststarthook/bootstrap-controller',
  'poststarthook/rbac/bootstrap-roles',
  'poststarthook/scheduling/bootstrap-system-priority-classes',
  'poststarthook/start-cluster-authentication-info-controller',
  'poststarthook/aggregator-reload-proxy-client-cert',
  'poststarthook/apiservice-registration-controller',
  'poststarthook/apiservice-status-available-controller',
  'autoregister-completion',
]

const CHECKS: Record<string, string[]> = {
  healthz: HEALTHZ,
  livez: HEALTHZ,
  readyz: [...HEALTHZ.slice(0, 3), 'etcd-readiness', 'informer-sync', ...HEALTHZ.slice(3), 'shutdown'],
}

export function isHealthPath(pathname: string): boolean {
  const [, endpoint = ''] = pathname.split('/')
  return endpoint in CHECKS
}

export function serveHealth(res: ServerResponse, pathname: string, query: URLSearchParams): void {
  const parts = pathname.split('/').filter((p) => p !== '')
  const endpoint = parts[0] ?? ''
  const checks = CHECKS[endpoint] ?? []
  const single = parts.slice(1).join('/')
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
  if (single !== '') {
    if (!checks.includes(single)) return sendNotFoundPage(res)
    res.writeHead(200, headers)
    return void res.end('ok')
  }
  const excluded = new Set(query.getAll('exclude'))
  res.writeHead(200, headers)
  if (!query.has('verbose')) return void res.end('ok')
  const lines = checks.map((c) => (excluded.has(c) ? `[+]${c} excluded: ok` : `[+]${c} ok`))
  res.end(`${lines.join('\n')}\n${endpoint} check passed\n`)
}
