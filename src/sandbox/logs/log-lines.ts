import { fnv32a } from '../api/names'

// Deterministic, plausible log lines for one container instance: line k depends only on
// (pod uid, container, instance, k), so re-reading a log gives the same text.
export interface LogLine {
  at: number // ms
  text: string
}

export interface LogSource {
  seed: string
  image: string
  container: string
  startedAt: number
  // lines stop here (terminated instance or a crashloop's exit); undefined = still running
  endsAt?: number
  // a run-to-completion container's whole output (logs/script-output.ts), instead of a server's lines
  script?: Array<{ offsetMs: number; text: string }>
}

export const LINE_PERIOD_MS = 1000

/**
 * Milliseconds between two steady lines. Containers write one line a second, except `loggen:<n>` images,
 * which write n a second (up to a million): the bench floods the log viewer with one.
 */
export function linePeriodOf(image: string): number {
  const rate = Number(/(?:^|\/)loggen:(\d+)$/.exec(image)?.[1] ?? 1)
  return rate >= 1 && rate <= 1_000_000 ? 1000 / rate : LINE_PERIOD_MS
}
const PATHS = [
  '/',
  '/index.html',
  '/api/items',
  '/api/users/42',
  '/healthz',
  '/static/app.js',
  '/favicon.ico',
]
const AGENTS = ['kube-probe/1.32', 'curl/8.5.0', 'Mozilla/5.0 (X11; Linux x86_64)', 'Go-http-client/1.1']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function nginxTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

function nginxErrorTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

function isNginx(src: LogSource): boolean {
  return /(^|\/)nginx/.test(src.image)
}

function startup(src: LogSource): string[] {
  const t = nginxErrorTime(src.startedAt)
  if (isNginx(src)) {
    const version = /:(\d[\w.]*)/.exec(src.image)?.[1] ?? '1.27.3'
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${version}`,
      `${t} [notice] 1#1: start worker processes`,
    ]
  }
  const iso = new Date(src.startedAt).toISOString()
  return [
    `${iso} INFO  starting ${src.container} image=${src.image} pid=1`,
    `${iso} INFO  loaded configuration from /etc/${src.container}/config.yaml`,
    `${iso} INFO  listening on :8080`,
  ]
}

function crashLines(src: LogSource, at: number): string[] {
  const iso = new Date(at).toISOString()
  return [
    `${iso} ERROR failed to connect to database: dial tcp 10.96.0.20:5432: connect: connection refused`,
    `${iso} FATAL ${src.container} exiting with code 1`,
  ]
}

function steady(src: LogSource, k: number, at: number): string {
  const h = fnv32a(`${src.seed}/${k}`)
  const path = PATHS[h % PATHS.length] ?? '/'
  if (isNginx(src)) {
    const agent = AGENTS[(h >>> 8) % AGENTS.length] ?? '-'
    const status = h % 23 === 0 ? 404 : 200
    const bytes = status === 404 ? 153 : 615 + (h % 900)
    return `10.244.0.${1 + ((h >>> 4) % 20)} - - [${nginxTime(at)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" "-"`
  }
  const iso = new Date(at).toISOString()
  const level = h % 17 === 0 ? 'WARN ' : 'INFO '
  const what =
    h % 17 === 0
      ? `slow request path=${path} duration=${200 + (h % 800)}ms`
      : `handled request method=GET path=${path} status=200 duration=${1 + (h % 40)}ms`
  return `${iso} ${level} ${what}`
}

const CRASHES = (src: LogSource): boolean => src.image.includes('crashloop')

// All lines with at <= until (and >= from, or > from when `afterFrom`: a follow resuming after the last line
// it sent), in order; steady lines are computed arithmetically so a long history with tailLines stays cheap.
export function linesBetween(
  src: LogSource,
  from: number,
  until: number,
  tail?: number,
  afterFrom = false,
): LogLine[] {
  const end = Math.min(until, src.endsAt ?? Infinity)
  const period = linePeriodOf(src.image)
  const inRange = (at: number): boolean => (afterFrom ? at > from : at >= from) && at <= end
  const out: LogLine[] = []
  if (src.script) {
    const kept = src.script
      .map((l) => ({ at: src.startedAt + l.offsetMs, text: l.text }))
      .filter((l) => inRange(l.at))
    return tail !== undefined ? kept.slice(Math.max(0, kept.length - tail)) : kept
  }
  startup(src).forEach((text, i) => out.push({ at: src.startedAt + i, text }))
  if (CRASHES(src)) {
    if (src.endsAt !== undefined)
      crashLines(src, src.endsAt).forEach((text) => out.push({ at: src.endsAt ?? 0, text }))
    const kept = out.filter((l) => inRange(l.at))
    return tail !== undefined ? kept.slice(Math.max(0, kept.length - tail)) : kept
  }
  const steadyCount = Math.max(0, Math.floor((end - src.startedAt) / period))
  const since = (from - src.startedAt) / period
  let first = Math.max(1, afterFrom ? Math.floor(since) + 1 : Math.ceil(since))
  if (tail !== undefined) first = Math.max(first, steadyCount - tail + 1)
  const head = out.filter((l) => inRange(l.at))
  const lines = [...head]
  for (let k = first; k <= steadyCount; k++) {
    const at = src.startedAt + k * period
    lines.push({ at, text: steady(src, k, at) })
  }
  return tail !== undefined ? lines.slice(Math.max(0, lines.length - tail)) : lines
}

// When the next line after `after` appears, or undefined if the instance writes no more.
export function nextLineAt(src: LogSource, after: number): number | undefined {
  if (src.script) {
    const next = src.script.map((l) => src.startedAt + l.offsetMs).find((at) => at > after)
    return next
  }
  if (CRASHES(src)) return src.endsAt !== undefined && src.endsAt > after ? src.endsAt : undefined
  const period = linePeriodOf(src.image)
  const k = Math.floor((after - src.startedAt) / period) + 1
  const at = src.startedAt + Math.max(1, k) * period
  return src.endsAt !== undefined && at > src.endsAt ? undefined : at
}
