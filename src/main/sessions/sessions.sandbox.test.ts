import http from 'node:http'
import { CoreV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { collectExec } from '../../../test/support/exec-collector'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createExecSessions } from './exec-sessions'
import { streamExec, type ExecStreamInput } from './exec-stream'
import { createForwards, type Forwards } from './forwards'
import { forwardablePorts } from './pod-choice'

// Exec and port-forward against the sandbox through client-node, the same code that serves real clusters.
let fx: SandboxFixture
let forwards: Forwards
const sessions = createExecSessions()
const NS = 'default'

beforeAll(async () => {
  fx = await startFixture('sessions', 50)
  forwards = createForwards(fx.deps.getKubeConfig)
  await fx.kubectl.out(['create', 'deployment', 'web', '--image=nginx:1.27', '--port=80', '--replicas=2'])
  await fx.kubectl.out(['create', 'service', 'clusterip', 'web', '--tcp=8080:80'])
  await fx.kubectl.out(['rollout', 'status', 'deployment/web', '--timeout=60s'])
}, 90_000)

afterAll(async () => {
  forwards?.close()
  await fx?.stop()
})

async function podNames(): Promise<string[]> {
  const out = await fx.kubectl.out([
    'get',
    'pods',
    '-l',
    'app=web',
    '-o',
    'jsonpath={.items[*].metadata.name}',
  ])
  return out.split(/\s+/).filter(Boolean).sort()
}

function open(input: Partial<ExecStreamInput> & { pod: string }) {
  const abort = new AbortController()
  const full: ExecStreamInput = {
    namespace: NS,
    container: 'nginx',
    mode: 'exec',
    tty: true,
    cols: 80,
    rows: 24,
    ...input,
  }
  return collectExec(streamExec(fx.deps.getKubeConfig, sessions, full, abort.signal), abort)
}

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}

it('runs a command: its output and its exit code', async () => {
  const [pod = ''] = await podNames()
  const s = open({ pod, command: ['sh', '-c', 'echo hi; exit 3'], tty: false })
  await s.ended
  expect(s.text()).toBe('hi\n')
  expect(s.exit()).toMatchObject({ type: 'exit', code: 3 })
  expect(sessions.count()).toBe(0)
})

it('opens a shell (bash first), takes input, and sends resizes to the server', async () => {
  const [pod = ''] = await podNames()
  const s = open({ pod })
  await eventually(async () => s.session())
  expect(s.events[0]).toMatchObject({ type: 'started', command: ['bash'] })
  sessions.input(s.session(), 'stty size\r')
  await s.waitFor('24 80')
  sessions.resize(s.session(), 132, 40)
  sessions.input(s.session(), 'stty size; hostname\r')
  await s.waitFor('40 132')
  await s.waitFor(pod)
  sessions.input(s.session(), 'exit 5\r')
  await s.ended
  expect(s.exit()).toMatchObject({ code: 5 })
  expect(() => sessions.input(s.session(), 'x')).toThrow(/ended/)
})

it('falls back to the next shell when the image lacks the first', async () => {
  const [pod = ''] = await podNames()
  const abort = new AbortController()
  const input: ExecStreamInput = {
    namespace: NS,
    pod,
    container: 'nginx',
    mode: 'exec',
    tty: true,
    cols: 80,
    rows: 24,
  }
  const s = collectExec(
    streamExec(fx.deps.getKubeConfig, sessions, input, abort.signal, [['zsh'], ['sh']]),
    abort,
  )
  await eventually(async () => {
    if (s.events.filter((e) => e.type === 'started').length < 2) throw new Error(JSON.stringify(s.events))
    return true
  })
  const started = s.events.flatMap((e) => (e.type === 'started' ? [e.command.join(' ')] : []))
  expect(started).toEqual(['zsh', 'sh'])
  sessions.input(s.session(), 'exit\r')
  await s.ended
  expect(s.exit()).toMatchObject({ code: 0 })
})

it('says why a session cannot start', async () => {
  const s = open({ pod: 'no-such-pod' })
  expect(String(await s.ended)).toMatch(/Pod "no-such-pod" no longer exists/)
  const [pod = ''] = await podNames()
  const t = open({ pod, command: ['zsh'] })
  await t.ended
  expect(t.exit()?.message).toMatch(/could not run.*executable file not found/)
})

it('forwards a pod port and a Service port on 127.0.0.1', async () => {
  const [pod = ''] = await podNames()
  const core = fx.kubeConfig.makeApiClient(CoreV1Api)
  expect(await forwardablePorts(core, { namespace: NS, target: { kind: 'pod', name: pod } })).toEqual([
    { port: 80, protocol: 'TCP', container: 'nginx' },
  ])
  expect(await forwardablePorts(core, { namespace: NS, target: { kind: 'service', name: 'web' } })).toEqual([
    { port: 8080, protocol: 'TCP', targetPort: '80', name: '8080-80' },
  ])
  const byPod = await forwards.start({ namespace: NS, target: { kind: 'pod', name: pod }, port: 80 })
  expect(byPod.url).toBe(`http://127.0.0.1:${byPod.localPort}`)
  expect((await get(byPod.localPort)).body).toMatch(/Welcome to nginx/)
  const bySvc = await forwards.start({ namespace: NS, target: { kind: 'service', name: 'web' }, port: 8080 })
  expect(bySvc).toMatchObject({ podPort: 80, state: 'active' })
  expect(await podNames()).toContain(bySvc.pod)
  expect((await get(bySvc.localPort)).body).toMatch(/Welcome to nginx/)
  await expect(
    forwards.start({ namespace: NS, target: { kind: 'service', name: 'web' }, port: 9999 }),
  ).rejects.toThrow(/has no port 9999/)
  await expect(
    forwards.start({
      namespace: NS,
      target: { kind: 'service', name: 'web' },
      port: 8080,
      localPort: byPod.localPort,
    }),
  ).rejects.toThrow(/already in use/)
  // A port no container declares: the request fails, and the forward says why instead of hanging.
  const undeclared = await forwards.start({ namespace: NS, target: { kind: 'pod', name: pod }, port: 9999 })
  await expect(get(undeclared.localPort)).rejects.toThrow()
  const said = await eventually(async () => forwards.list().find((f) => f.id === undeclared.id)?.message)
  expect(said).toMatch(/failed: .*9999/)
  forwards.stop(undeclared.id)
  expect(forwards.stop(byPod.id)).toBe(true)
  await expect(get(byPod.localPort)).rejects.toThrow(/ECONNREFUSED/)
})

it('moves a forward to a ready replacement when its pod is deleted', async () => {
  const fwd = forwards.list().find((f) => f.target.kind === 'service')
  if (!fwd) throw new Error('no service forward')
  const abort = new AbortController()
  const lists: string[][] = []
  const watching = (async () => {
    for await (const l of forwards.watch(abort.signal)) lists.push(l.map((f) => `${f.pod}:${f.state}`))
  })()
  await fx.kubectl.out(['delete', 'pod', fwd.pod, '--wait=false'])
  // Promptly, not on some slow poll: well inside the deadline even on a loaded box (timings belong in the bench).
  const moved = await eventually(async () => {
    const now = forwards.list().find((f) => f.id === fwd.id)
    if (now?.state !== 'active' || now.pod === fwd.pod) throw new Error(`still ${now?.pod} ${now?.state}`)
    return now
  }, 20_000)
  expect(moved.message).toContain(`after pod "${fwd.pod}" went away`)
  expect((await get(moved.localPort)).body).toMatch(/Welcome to nginx/)
  abort.abort()
  await watching
  expect(lists.flat()).toContain(`${moved.pod}:active`)
})

it('ends the session when its stream goes away (window closed, page gone)', async () => {
  const [pod = ''] = await podNames()
  const s = open({ pod })
  await eventually(async () => s.session())
  const id = s.session()
  const before = sessions.count()
  await s.stop()
  expect(sessions.count()).toBe(before - 1)
  expect(() => sessions.input(id, 'ls\r')).toThrow('This terminal session has ended.')
})

it('attaches to the shell of a container started with stdin and a TTY', async () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'console' },
    spec: {
      containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sh'], stdin: true, tty: true }],
    },
  }
  await fx.kubectl.out(['apply', '-f', '-'], { input: JSON.stringify(pod) })
  await fx.kubectl.out(['wait', '--for=condition=Ready', 'pod/console', '--timeout=60s'])
  const s = open({ pod: 'console', container: 'sh', mode: 'attach' })
  await eventually(async () => s.session())
  sessions.input(s.session(), 'echo via-attach\r')
  await s.waitFor('via-attach\r\n')
  await s.stop()
})

it('ends a shell when its pod is deleted (the runtime kills it with the container), so it can reconnect', async () => {
  const [pod = ''] = await podNames()
  const s = open({ pod })
  await eventually(async () => s.session())
  sessions.input(s.session(), 'echo alive\r')
  await s.waitFor('alive\r\n')
  await fx.kubectl.out(['delete', 'pod', pod, '--wait=false'])
  await s.ended
  expect(s.exit()).toMatchObject({ type: 'exit', code: 137 })
  expect(sessions.count()).toBe(0)
})
