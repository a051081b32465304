import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '@sandbox'

/** A sandbox plus a throwaway HOME whose kubeconfig points at it (current-context set), for Skiff and kubectl. */
export interface BenchCluster {
  sandbox: RunningSandbox
  home: string
  kubeconfig: string
  /** Environment for kubectl or the web backend: own HOME, KUBECONFIG and KUBECACHEDIR. */
  env: NodeJS.ProcessEnv
  /** One HTTPS request to the sandbox over a keep-alive agent; resolves with status and body size. */
  request(
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
    opts?: RequestOptions,
  ): Promise<Reply>
  /** Adds `sandbox-<name>` for another sandbox to the kubeconfig (the current context stays). */
  addContext(other: RunningSandbox): void
  stop(): Promise<void>
}

export interface RequestOptions {
  headers?: Record<string, string>
  /** Keep only the body's first bytes as `text` (a list's metadata comes first); `bytes` still counts all. */
  head?: number
}

export interface Reply {
  status: number
  bytes: number
  text: string
}

export async function startCluster(): Promise<BenchCluster> {
  const sandbox = await startSandbox({ name: 'bench', nodes: 3, speed: 1 })
  const home = mkdtempSync(join(tmpdir(), 'skiff-bench-'))
  const kubeconfig = join(home, '.kube', 'config')
  mkdirSync(join(home, '.kube'), { recursive: true })
  const contexts = [sandbox]
  const writeKubeconfig = (): void =>
    writeFileSync(kubeconfig, kubeconfigFor(contexts, `sandbox-${sandbox.name}`), { mode: 0o600 })
  writeKubeconfig()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    KUBECONFIG: kubeconfig,
    KUBECACHEDIR: join(home, '.kube', 'cache'),
    SKIFF_DATA_DIR: join(home, 'skiff-data'),
  }
  // Idle sockets are dropped after 4 s, before the sandbox's 5 s keep-alive closes them from its side: both
  // timers run in this process, so even after a blocked stretch the client's fires first.
  const agent = new https.Agent({ keepAlive: true, maxSockets: 16, timeout: 4000 })
  const ca = Buffer.from(sandbox.caData, 'base64').toString('utf8')
  const request = (
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
    opts: RequestOptions = {},
    retried = false,
  ): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const headers: Record<string, string> = {
        Accept: 'application/json',
        Authorization: `Bearer ${sandbox.token}`,
        ...opts.headers,
      }
      if (payload !== undefined) headers['Content-Type'] = contentType ?? 'application/json'
      // A retry goes on a new connection: the pool may hold more sockets the server has closed.
      const req = https.request(
        { host: '127.0.0.1', port: sandbox.port, path, method, ca, headers, agent: retried ? false : agent },
        (res) => {
          const chunks: Buffer[] = []
          let bytes = 0
          res.on('data', (c: Buffer) => {
            if (opts.head === undefined || bytes < opts.head) chunks.push(c)
            bytes += c.length
          })
          res.on('end', () => {
            const buf = Buffer.concat(chunks)
            const text = (opts.head === undefined ? buf : buf.subarray(0, opts.head)).toString('utf8')
            resolve({ status: res.statusCode ?? 0, bytes, text })
          })
        },
      )
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed while idle (seeding 40k pods, or a loaded CI box, blocks this
        // process past the server's 5 s keep-alive) resets the next request on it. Node's server closes only
        // idle sockets, so the request was never read: it is tried once more, as Node's docs advise for
        // `reusedSocket`, whatever its method (a POST that creates the log scenario's pod hit this in CI).
        if (err.code === 'ECONNRESET' && req.reusedSocket && !retried)
          resolve(request(method, path, body, contentType, opts, true))
        else reject(err)
      })
      if (payload !== undefined) req.write(payload)
      req.end()
    })
  return {
    sandbox,
    home,
    kubeconfig,
    env,
    request,
    addContext(other) {
      contexts.push(other)
      writeKubeconfig()
    },
    async stop() {
      agent.destroy()
      await sandbox.stop()
      rmSync(home, { recursive: true, force: true })
    },
  }
}

/** A kubeconfig with one `sandbox-<name>` context per sandbox, as the sandbox provider writes them. */
function kubeconfigFor(sandboxes: RunningSandbox[], current: string): string {
  const lines = ['apiVersion: v1', 'kind: Config', `current-context: ${current}`, 'clusters:']
  for (const s of sandboxes)
    lines.push(
      `- name: sandbox-${s.name}`,
      '  cluster:',
      `    server: ${s.url}`,
      `    certificate-authority-data: ${s.caData}`,
    )
  lines.push('users:')
  for (const s of sandboxes) lines.push(`- name: sandbox-${s.name}`, '  user:', `    token: ${s.token}`)
  lines.push('contexts:')
  for (const s of sandboxes)
    lines.push(
      `- name: sandbox-${s.name}`,
      '  context:',
      `    cluster: sandbox-${s.name}`,
      `    user: sandbox-${s.name}`,
    )
  return lines.join('\n') + '\n'
}
