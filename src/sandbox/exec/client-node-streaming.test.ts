import { PassThrough } from 'node:stream'
import { Attach, CoreV1Api, Exec, PortForward } from '@kubernetes/client-node'
import type { V1Status, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { eventually } from '../../../test/support/eventually'
import { kubeConfigFor } from '../../../test/support/kube'

// @kubernetes/client-node's Exec, Attach and PortForward (WebSocket channel protocols) against the sandbox.
// Real kubectl processes and pods starting on a shared, loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })
let sb: RunningSandbox
let kc: KubeConfig

function collect(stream: PassThrough): () => string {
  let text = ''
  stream.on('data', (d: Buffer) => (text += d.toString()))
  return () => text
}

beforeAll(async () => {
  sb = await startSandbox({ name: 'cnstream', speed: 20 })
  kc = kubeConfigFor(sb)
  const core = kc.makeApiClient(CoreV1Api)
  for (const [name, image, port] of [
    ['web', 'nginx:1.27', 80],
    ['api', 'ghcr.io/acme/api:2.1', 8080],
  ] as const) {
    await core.createNamespacedPod({
      namespace: 'default',
      body: { metadata: { name }, spec: { containers: [{ name, image, ports: [{ containerPort: port }] }] } },
    })
  }
  await eventually(async () => {
    const pods = await core.listNamespacedPod({ namespace: 'default' })
    expect(pods.items.map((p) => p.status?.containerStatuses?.[0]?.ready)).toEqual([true, true])
  }, 20_000)
})

afterAll(async () => {
  await sb.stop()
})

function exec(command: string[], opts: { stdin?: PassThrough; tty?: boolean; stdout?: PassThrough } = {}) {
  const stdout = opts.stdout ?? new PassThrough()
  const stderr = new PassThrough()
  const out = collect(stdout)
  const err = collect(stderr)
  const status = new Promise<V1Status>((resolve) => {
    void new Exec(kc).exec(
      'default',
      'web',
      'web',
      command,
      stdout,
      stderr,
      opts.stdin ?? null,
      opts.tty ?? false,
      resolve,
    )
  })
  return { status, out, err }
}

describe('client-node Exec', () => {
  it('returns Success with the output', async () => {
    const r = exec(['cat', '/etc/hostname'])
    expect(await r.status).toMatchObject({ status: 'Success' })
    expect(r.out()).toBe('web\n')
  })

  it('returns the exit code and stderr of a failing command', async () => {
    const r = exec(['sh', '-c', 'echo out; ls /nope; exit 42'])
    const status = await r.status
    expect(status).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode' })
    expect(status.details?.causes).toEqual([{ reason: 'ExitCode', message: '42' }])
    expect([r.out(), r.err()]).toEqual(['out\n', 'ls: /nope: No such file or directory\n'])
  })

  it('runs an interactive TTY session that follows resizes', async () => {
    const stdin = new PassThrough()
    const stdout = Object.assign(new PassThrough(), { columns: 132, rows: 43 })
    const r = exec(['sh'], { stdin, tty: true, stdout })
    await eventually(async () => expect(r.out()).toContain('root@web:/# '))
    stdin.write('stty size\r')
    await eventually(async () => expect(r.out()).toContain('stty size\r\n43 132\r\n'))
    Object.assign(stdout, { columns: 100, rows: 30 }).emit('resize')
    stdin.write('stty size\rexit 3\r')
    const status = await r.status
    expect(status.details?.causes).toEqual([{ reason: 'ExitCode', message: '3' }])
    expect(r.out()).toContain('30 100\r\n')
  })
})

describe('client-node Attach', () => {
  it('streams the main process output', async () => {
    const stdout = new PassThrough()
    const out = collect(stdout)
    const ws = await new Attach(kc).attach('default', 'web', 'web', stdout, null, null, false)
    await eventually(async () => expect(out()).toMatch(/"GET \S+ HTTP\/1\.1" \d{3} /), 20_000)
    ws.close()
  })
})

describe('client-node PortForward', () => {
  async function request(pod: string, port: number, path: string): Promise<string> {
    const output = new PassThrough()
    const input = new PassThrough()
    const out = collect(output)
    await new PortForward(kc).portForward('default', pod, [port], output, null, input)
    input.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
    return eventually(async () => {
      expect(out()).toMatch(/\r\n\r\n[\s\S]+\n$/)
      return out()
    })
  }

  it('reaches nginx and a JSON status port', async () => {
    expect(await request('web', 80, '/')).toMatch(
      /^HTTP\/1\.1 200 OK[\s\S]*<title>Welcome to nginx!<\/title>/,
    )
    const api = await request('api', 8080, '/status?x=1')
    expect(JSON.parse(api.slice(api.indexOf('\r\n\r\n') + 4))).toMatchObject({
      pod: 'api',
      port: 8080,
      path: '/status',
    })
  })
})
