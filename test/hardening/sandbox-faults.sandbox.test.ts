import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { ApiErrorBody, ResourceEvent } from '@shared/contract'
import type { Row } from '@shared/rows'
import { createActionHandlers } from '../../src/main/handlers/actions'
import { createKubeService } from '../../src/main/kube'
import { createResourceHandlers } from '../../src/main/handlers/resources'
import { kubeConfigFor, rowFolder } from '../support/kube'
import { startRestartableSandbox } from '../support/restartable-sandbox'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { kubectlFor, type KubectlRunner } from '../support/kubectl'
import { createDispatcher, type MethodHandlers, type StreamHandlers } from '../../src/main/transport/dispatch'

// The API server is killed and restarted (same port, same state file) while the app has a pods watch,
// a deployments watch and a log follow open, and a scale is sent during the outage.
const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined)
})

async function ok(kubectl: KubectlRunner, args: string[]): Promise<string> {
  const r = await kubectl.run(args)
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout
}

async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

interface Watched {
  rows: Map<string, Row>
  states: string[]
}

it('watches, a log follow and a scale survive an API server restart; the outage is reported', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-faults-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const stateFile = join(dir, 'state.json')
  let sb: RunningSandbox = await startRestartableSandbox({ name: 'faults', stateFile, speed: 50 })
  cleanups.push(() => sb.stop())
  const kubectl = await kubectlFor(sb)
  cleanups.push(() => kubectl.cleanup())
  const getKubeConfig = async (): Promise<ReturnType<typeof kubeConfigFor>> => kubeConfigFor(sb)
  const kube = createKubeService({
    getKubeConfig,
    watchOptions: { batchMs: 20, backoffMs: { initial: 100, max: 400 } },
  })
  cleanups.push(async () => kube.close())
  const resources = createResourceHandlers(kube)
  const actions = createActionHandlers({ getKubeConfig })
  const d = createDispatcher(
    { ...resources.methods, ...actions.methods } as unknown as MethodHandlers,
    { ...resources.streams, ...actions.streams } as unknown as StreamHandlers,
  )

  await ok(kubectl, ['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])
  const watch = (kind: 'pods' | 'deployments'): Watched => {
    const w: Watched = { rows: new Map(), states: [] }
    const fold = rowFolder(w.rows)
    const stop = d.subscribe(
      'resources.watch',
      { kind, namespaces: ['default'] },
      (raw) => {
        const e = raw as ResourceEvent
        fold(e)
        if (e.type === 'status') w.states.push(e.message ? `${e.state}: ${e.message}` : e.state)
      },
      () => {},
    )
    cleanups.push(async () => stop())
    return w
  }
  const pods = watch('pods')
  const deployments = watch('deployments')
  await eventually('2 pods', () => pods.rows.size === 2)
  const pod = [...pods.rows.values()][0]!.name

  const follow = (): { lines: string[]; end: { error?: ApiErrorBody } | undefined; stop: () => void } => {
    const f = {
      lines: [] as string[],
      end: undefined as { error?: ApiErrorBody } | undefined,
      stop: () => {},
    }
    f.stop = d.subscribe(
      'logs.stream',
      { namespace: 'default', pod, follow: true },
      (e) => f.lines.push(...(e as { lines: string[] }).lines),
      (error) => (f.end = { error }),
    )
    cleanups.push(async () => f.stop())
    return f
  }
  const log = follow()
  await eventually('log lines', () => log.lines.length >= 5)

  // Outage.
  const port = sb.port
  await sb.stop()
  await eventually('watches report reconnecting', () =>
    [pods, deployments].every((w) => w.states.some((s) => s.startsWith('reconnecting'))),
  )
  await eventually('log follow ends', () => log.end !== undefined)
  expect(log.end?.error?.code).toBe('Unavailable')
  expect(log.end?.error?.message).toMatch(/reach|ECONNREFUSED/)
  const started = Date.now()
  const scaleDown = await d.call('deployments.scale', { namespace: 'default', name: 'web', replicas: 4 })
  const scaleMs = Date.now() - started
  expect(scaleDown.ok).toBe(false)
  const scaleError = scaleDown.ok ? undefined : scaleDown.error
  expect(scaleError?.code).toBe('Unavailable')
  expect(scaleError?.message).not.toMatch(/\n\s+at |undefined|\[object/)
  expect(scaleMs).toBeLessThan(15_000)

  // Back, same port and state; one change during the gap must not be lost either.
  sb = await startSandbox({ name: 'faults', port, stateFile, speed: 50 })
  await ok(kubectl, ['create', 'configmap', 'during-recovery'])
  const scaled = await d.call('deployments.scale', { namespace: 'default', name: 'web', replicas: 4 })
  expect(scaled).toEqual({ ok: true, value: { replicas: 4 } })
  // Scale up only: scaling down could remove the pod whose log is followed below.
  await ok(kubectl, ['scale', 'deployment', 'web', '--replicas=5'])

  const kubectlPods = async (): Promise<string[]> =>
    (await ok(kubectl, ['get', 'pods', '-o', 'name']))
      .trim()
      .split('\n')
      .map((n) => `default/${n.slice(4)}`)
      .sort()
  await eventually('pods rows equal the server', async () => {
    const server = await kubectlPods()
    return server.length === 5 && JSON.stringify([...pods.rows.keys()].sort()) === JSON.stringify(server)
  })
  const row = deployments.rows.get('default/web') as (Row & { replicas?: number }) | undefined
  await eventually(
    'deployment row at 5',
    () => (deployments.rows.get('default/web') as { replicas?: number })?.replicas === 5,
  )
  expect(await ok(kubectl, ['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('5')
  expect(row).toBeDefined()
  // A watch says live a moment (LIVE_AFTER_MS) after its relist: current rows can come first.
  await eventually('both watches live again', () =>
    [pods, deployments].every((w) => w.states.at(-1) === 'live'),
  )

  // The log the app showed is the server's log (no line lost or invented), and a new follow works.
  const again = follow()
  await eventually('log follow after restart', () => again.lines.length >= 5)
  const server = (await ok(kubectl, ['logs', pod])).split('\n')
  const at = server.indexOf(log.lines[0]!)
  expect(at).toBeGreaterThanOrEqual(0)
  expect(server.slice(at, at + log.lines.length)).toEqual(log.lines)

  console.log(
    `[sandbox faults] watch states pods: ${pods.states.join(' → ')}\n` +
      `[sandbox faults] log follow ended with: ${log.end?.error ? `${log.end.error.code}: ${log.end.error.message}` : 'no error'} after ${log.lines.length} lines\n` +
      `[sandbox faults] scale during outage: ${scaleError?.code}: ${scaleError?.message} (${scaleMs} ms)`,
  )
  again.stop()
  await eventually('no subscriptions left after unsubscribing the log', () => d.activeSubscriptions() === 2)
}, 180_000)
