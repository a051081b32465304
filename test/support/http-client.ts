import https from 'node:https'
import type { RunningSandbox } from '@sandbox'

// Test helper: raw HTTPS requests to a sandbox, trusting its CA and sending its bearer token.
export interface HttpResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json<T = Record<string, unknown>>(): T
}

export interface RequestOptions {
  method?: string
  body?: unknown
  contentType?: string
  accept?: string
  token?: string | null
}

export function request(sb: RunningSandbox, path: string, opts: RequestOptions = {}): Promise<HttpResult> {
  const ca = Buffer.from(sb.caData, 'base64').toString('utf8')
  const payload =
    opts.body === undefined
      ? undefined
      : typeof opts.body === 'string'
        ? opts.body
        : JSON.stringify(opts.body)
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' }
  if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? sb.token}`
  if (payload !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json'
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: sb.port, path, method: opts.method ?? 'GET', ca, headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          })
        })
      },
    )
    req.on('error', reject)
    if (payload !== undefined) req.write(payload)
    req.end()
  })
}

export interface StreamHandle {
  lines: string[]
  // resolves when at least n lines arrived
  waitFor(n: number, timeoutMs?: number): Promise<string[]>
  ended: Promise<void>
  close(): void
}

// Opens a streaming GET (watch, follow logs) and collects newline-delimited chunks.
export function stream(sb: RunningSandbox, path: string, accept = 'application/json'): StreamHandle {
  const ca = Buffer.from(sb.caData, 'base64').toString('utf8')
  const lines: string[] = []
  let buffer = ''
  const waiters: Array<() => void> = []
  let endResolve: () => void = () => undefined
  const ended = new Promise<void>((r) => (endResolve = r))
  const req = https.get(
    {
      host: '127.0.0.1',
      port: sb.port,
      path,
      ca,
      headers: { Authorization: `Bearer ${sb.token}`, Accept: accept },
    },
    (res) => {
      res.on('data', (c: Buffer) => {
        buffer += c.toString('utf8')
        const parts = buffer.split('\n')
        buffer = parts.pop() ?? ''
        lines.push(...parts)
        for (const w of waiters.splice(0)) w()
      })
      res.on('end', () => {
        if (buffer) lines.push(buffer)
        endResolve()
        for (const w of waiters.splice(0)) w()
      })
      res.on('error', () => endResolve())
    },
  )
  req.on('error', () => endResolve())
  let done = false
  void ended.then(() => (done = true))
  return {
    lines,
    ended,
    close: () => req.destroy(),
    async waitFor(n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      while (lines.length < n) {
        if (done) break
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${n} lines, got ${lines.length}: ${lines.join('\n')}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
      return lines
    },
  }
}
