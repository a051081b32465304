import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeploymentLogEvent } from '@shared/contract'
import { streamDeploymentLogs } from './deployment-logs'
import { streamPodLog, type LogStreamInput } from './logs-stream'
import { scale } from './scale'
import { eventually, startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'

let f: SandboxFixture
const POD = `apiVersion: v1
kind: Pod
metadata: { name: two, namespace: default }
spec:
  containers:
  - { name: web, image: "nginx:1.25" }
  - { name: side, image: "app-crashloop:1" }
`

/** kubectl's output as lines (its final newline is not a line). */
function linesOf(stdout: string): string[] {
  return stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n')
}

async function collect(
  input: Omit<LogStreamInput, 'namespace' | 'pod' | 'follow'>,
  pod = 'two',
): Promise<string[]> {
  const lines: string[] = []
  const signal = new AbortController().signal
  for await (const e of streamPodLog(
    f.deps,
    { namespace: 'default', pod, follow: false, ...input },
    signal,
  )) {
    lines.push(...e.lines)
  }
  return lines
}

beforeAll(async () => {
  f = await startFixture('logs-test', 1, true)
  expect((await f.kubectl.run(['create', '--validate=false', '-f', '-'], { input: POD })).exitCode).toBe(0)
  expect(
    (await f.kubectl.run(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2'])).exitCode,
  ).toBe(0)
  // Long enough for pods to run, print lines and for the crashloop container to restart once.
  for (let i = 0; i < 12; i++) await f.sandbox.advance(10_000)
}, 40_000)
afterAll(() => f?.stop())

describe('logs equal kubectl logs', () => {
  const cases: [string, Omit<LogStreamInput, 'namespace' | 'pod' | 'follow'>, string[]][] = [
    ['tail', { container: 'web', tailLines: 5 }, ['-c', 'web', '--tail=5']],
    [
      'timestamps',
      { container: 'web', tailLines: 3, timestamps: true },
      ['-c', 'web', '--tail=3', '--timestamps'],
    ],
    ['previous', { container: 'side', previous: true }, ['-c', 'side', '--previous']],
    ['since', { container: 'web', sinceSeconds: 30 }, ['-c', 'web', '--since=30s']],
    ['default container', {}, []],
  ]
  for (const [label, input, args] of cases) {
    it(label, async () => {
      const ours = await collect(input)
      const theirs = await f.kubectl.run(['logs', 'two', ...args])
      expect(theirs.exitCode).toBe(0)
      expect(ours.length).toBeGreaterThan(0)
      expect(ours).toEqual(linesOf(theirs.stdout))
    })
  }

  it('reports the server message for a bad container', async () => {
    await expect(collect({ container: 'nope' })).rejects.toThrow('container nope is not valid for pod two')
  })

  it('follows new lines and ends the request when the consumer stops', async () => {
    const ac = new AbortController()
    const it = streamPodLog(
      f.deps,
      { namespace: 'default', pod: 'two', container: 'web', tailLines: 1, follow: true },
      ac.signal,
    )
    const first = await it.next()
    expect(first.value?.lines).toHaveLength(1)
    await f.sandbox.advance(5_000)
    const next = await it.next()
    expect(next.value?.lines.length).toBeGreaterThan(0)
    ac.abort()
    await expect(it.return(undefined)).resolves.toMatchObject({ done: true })
  })
})

describe('a followed container that has not started', () => {
  it('is waited for, with the reason, and then followed', async () => {
    const late = POD.replace('name: two', 'name: late')
    expect((await f.kubectl.run(['create', '--validate=false', '-f', '-'], { input: late })).exitCode).toBe(0)
    const ac = new AbortController()
    const it = streamPodLog(
      f.deps,
      { namespace: 'default', pod: 'late', container: 'web', follow: true },
      ac.signal,
    )
    const first = await it.next()
    expect(first.value).toMatchObject({
      lines: [],
      waiting: expect.stringMatching(/^Container "web" has not/),
    })
    await f.sandbox.advance(10_000) // the sandbox's clock is manual here: the container starts now
    expect((await it.next()).value).toEqual({ lines: [] })
    await f.sandbox.advance(5_000)
    expect((await it.next()).value?.lines.length).toBeGreaterThan(0)
    ac.abort()
    await it.return(undefined)
  })
})

describe('deployment logs', () => {
  it('sends the pods’ earlier lines as one timeline, oldest first, not pod by pod', async () => {
    const ac = new AbortController()
    const stream = streamDeploymentLogs(
      f.deps,
      { namespace: 'default', name: 'web', tailLines: 6, timestamps: true },
      ac.signal,
    )
    const lines: { pod: string; line: string }[] = []
    while (lines.length < 12) {
      const r = await stream.next()
      if (r.done) throw new Error('stream ended')
      for (const c of r.value.chunks) for (const line of c.lines) lines.push({ pod: c.pod, line })
    }
    ac.abort()
    await stream.return(undefined)
    const backlog = lines.slice(0, 12)
    expect(new Set(backlog.map((l) => l.pod)).size).toBe(2)
    const times = backlog.map((l) => Date.parse(l.line.split(' ')[0] ?? ''))
    expect(times.every((t) => !Number.isNaN(t))).toBe(true)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // Interleaved: the two pods' lines alternate somewhere rather than forming two blocks.
    const switches = backlog.filter((l, i) => i > 0 && l.pod !== backlog[i - 1]!.pod).length
    expect(switches).toBeGreaterThan(1)
  })

  it('interleaves all pods, tagged, and pods join when the deployment scales', async () => {
    const ac = new AbortController()
    const stream = streamDeploymentLogs(
      f.deps,
      { namespace: 'default', name: 'web', tailLines: 2 },
      ac.signal,
    )
    const seen = new Map<string, number>()
    let pods: string[] = []
    const pump = async (until: () => boolean): Promise<void> => {
      while (!until()) {
        const r = await stream.next()
        if (r.done) throw new Error('stream ended')
        const e: DeploymentLogEvent = r.value
        if (e.pods) pods = e.pods
        for (const c of e.chunks) seen.set(c.pod, (seen.get(c.pod) ?? 0) + c.lines.length)
      }
    }
    await pump(() => pods.length === 2 && seen.size === 2)
    expect([...seen.values()]).toEqual([2, 2])
    expect(pods.every((p) => p.startsWith('web-'))).toBe(true)
    await scale(f.deps, { kind: 'deployments', namespace: 'default', name: 'web', replicas: 3 })
    await eventually(async () => {
      await f.sandbox.advance(5_000)
      return true
    })
    await pump(() => pods.length === 3)
    await scale(f.deps, { kind: 'deployments', namespace: 'default', name: 'web', replicas: 1 })
    for (let i = 0; i < 4; i++) await f.sandbox.advance(15_000) // past the 30 s grace period
    await pump(() => pods.length === 1)
    ac.abort()
    await stream.return(undefined)
  })

  it('leaves no connection open once the consumer stops (pod and deployment streams)', async () => {
    const sockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length
    const baseline = await eventually(async () => {
      const before = sockets()
      await new Promise((r) => setTimeout(r, 200))
      return sockets() === before ? before : undefined
    })
    const ac = new AbortController()
    const pod = streamPodLog(
      f.deps,
      { namespace: 'default', pod: 'two', container: 'web', follow: true },
      ac.signal,
    )
    const dep = streamDeploymentLogs(f.deps, { namespace: 'default', name: 'web', tailLines: 1 }, ac.signal)
    await pod.next()
    await dep.next()
    expect(sockets()).toBeGreaterThan(baseline)
    ac.abort()
    await Promise.all([pod.return(undefined), dep.return(undefined)])
    await eventually(async () => (sockets() <= baseline ? true : undefined), 5000, 'sockets to close')
  })
})
