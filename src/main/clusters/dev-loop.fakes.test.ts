import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeEnv, failure, never } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { presetSpec } from '@shared/cluster-options'
import { listHostImages } from './host-images'
import { KindProvider } from './kind-provider'
import { MinikubeProvider } from './minikube-provider'
import { run } from './run'
import type { ProviderEvent } from './types'
import { createWhich } from './which'

// The dev loop against the fake tools: one fake world for the file.
let fe: FakeEnv
let kind: KindProvider
let minikube: MinikubeProvider
beforeAll(async () => {
  fe = await createFakeEnv({ FAKE_DOCKER_IMAGES: 'skiff-demo/app:dev,nginx:1.27' })
  kind = new KindProvider({ env: fe.env })
  minikube = new MinikubeProvider({ env: fe.env })
})
afterAll(async () => fe.cleanup())

const kindState = (
  name: string,
): {
  config: { nodes: { extraPortMappings?: unknown[] }[] }
  nodes: { name: string; images: string[]; files?: Record<string, string> }[]
} => JSON.parse(readFileSync(join(fe.stateDir, 'kind', `${name}.json`), 'utf8'))

describe('dev loop with the fake tools', { timeout: 30_000 }, () => {
  it('lists the host engine’s images', async () => {
    const host = await listHostImages({ run, which: createWhich(fe.env.PATH), env: fe.env })
    expect(host.engine).toBe('docker')
    expect(host.images.map((i) => i.ref)).toEqual(['skiff-demo/app:dev', 'nginx:1.27'])
  })

  it('kind "Ingress on localhost" with a local registry: config on stdin, registry wired per kind’s docs', async () => {
    const events: ProviderEvent[] = []
    const spec = { name: 'ing', ...presetSpec('ingress', 'kind'), localRegistry: true }
    await kind.create(spec, (e) => events.push(e), never())
    expect(kindState('ing').config.nodes[0]?.extraPortMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { containerPort: 443, hostPort: 443, protocol: 'TCP' },
    ])
    const commands = events.flatMap((e) => (e.type === 'command' ? [e.argv.join(' ')] : []))
    expect(commands.map((c) => c.split(' ').slice(0, 4).join(' '))).toEqual([
      'docker inspect -f {{.State.Running}}',
      'docker run -d --restart=always',
      'kind create cluster --name',
      'docker exec ing-control-plane mkdir',
      'docker exec -i ing-control-plane',
      'docker network connect kind',
    ])
    expect(commands[2]).toBe('kind create cluster --name ing --config - --wait 5m')
    expect(kindState('ing').nodes[0]?.files).toEqual({
      '/etc/containerd/certs.d/localhost:5001/hosts.toml': '[host."http://kind-registry:5000"]\n',
    })
  })

  it('kind load docker-image: progress, kind’s lines in the log, the image on every node', async () => {
    const events: ProviderEvent[] = []
    await kind.loadImage('ing', 'skiff-demo/app:dev', (e) => events.push(e), never())
    expect(events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && e.state)).toEqual([
      'running',
      'done',
    ])
    const log = events.flatMap((e) => (e.type === 'log' ? [e.line] : []))
    expect(log.join('\n')).toMatch(
      /Image: "skiff-demo\/app:dev" with ID "sha256:[0-9a-f]{64}" not yet present on node "ing-control-plane", loading.../,
    )
    expect(await kind.clusterImages('ing')).toContain('docker.io/skiff-demo/app:dev')
  })

  it('kind load of an image the host lacks fails with kind’s words and advice', async () => {
    const err = await failure(kind.loadImage('ing', 'nothere:1', () => {}, never()))
    expect(err.message).toBe('image: "nothere:1" not present locally')
    expect(err.advice).toMatch(/docker images/)
    expect(err.exitCode).toBe(1)
  })

  it('minikube: addons at start, enable with progress, load and list images, refusals in minikube’s words', async () => {
    await minikube.create({ name: 'mk', addons: ['ingress'] }, () => {}, never())
    const enabled = (await minikube.addons('mk')).filter((a) => a.status === 'enabled').map((a) => a.name)
    expect(enabled).toContain('ingress')
    const events: ProviderEvent[] = []
    await minikube.setAddon('mk', 'metrics-server', true, (e) => events.push(e), never())
    expect(events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({
      state: 'done',
      title: 'The metrics-server addon is enabled',
    })
    expect((await minikube.addons('mk')).find((a) => a.name === 'metrics-server')?.status).toBe('enabled')
    await minikube.loadImage('mk', 'skiff-demo/app:dev', () => {}, never())
    expect(await minikube.clusterImages('mk')).toContain('docker.io/skiff-demo/app:dev')
    const bad = await failure(minikube.setAddon('mk', 'bogus', false, () => {}, never()))
    expect(bad).toMatchObject({ exitCode: 116, reason: 'SVC_ADDON_UNSUPPORTED' })
    const missing = await failure(minikube.serviceUrl('mk', 'default', 'web', () => {}, never()))
    expect(missing).toMatchObject({ exitCode: 115, reason: 'SVC_NOT_FOUND' })
    expect(missing.message).toContain("Service 'web' was not found in 'default' namespace.")
  })
})
