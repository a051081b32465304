import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from '../../../test/support/http-client'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import type { KObj, Pod } from '../types'
import { defaultPullPolicy, parseImageRef } from './image-ref'
import { nextPullRetry, pullRetryDue } from './pull-backoff'

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['skiff-demo/app:dev', 'docker.io/skiff-demo/app:dev'],
    ['localhost:5001/app:1', 'localhost:5001/app:1'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['nginx@sha256:abc', 'docker.io/library/nginx@sha256:abc'],
  ])('%s is %s', (image, full) => expect(parseImageRef(image).full).toBe(full))

  it('defaults the pull policy like the kubelet', () => {
    expect(defaultPullPolicy('app')).toBe('Always')
    expect(defaultPullPolicy('app:latest')).toBe('Always')
    expect(defaultPullPolicy('app:dev')).toBe('IfNotPresent')
  })

  it('retries pulls on a doubling schedule', () => {
    expect(nextPullRetry(0, 2000)).toBe(11_000)
    expect(nextPullRetry(0, 11_000)).toBe(31_000)
    expect(pullRetryDue(0, 11_200)).toBe(true)
    expect(pullRetryDue(0, 15_000)).toBe(false)
  })
})

// One manual-clock sandbox: time moves only when the test advances it.
let sb: RunningSandbox
let dir: string
const PODS = '/api/v1/namespaces/default/pods'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-images-'))
  sb = await startSandbox({ name: 'images', manualClock: true, stateFile: join(dir, 'state.json') })
  sb.images.setHostImages(['skiff-demo/app:dev', 'skiff-demo/app:latest', 'nginx:1.27'])
})
afterAll(async () => {
  await sb.stop()
  await rm(dir, { recursive: true, force: true })
})

async function makePod(name: string, image: string, pullPolicy?: string): Promise<void> {
  const container = { name: 'main', image, ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}) }
  const r = await request(sb, PODS, {
    method: 'POST',
    body: JSON.stringify({ metadata: { name }, spec: { containers: [container] } }),
  })
  expect(r.status).toBe(201)
}
const pod = async (name: string): Promise<Pod> => (await request(sb, `${PODS}/${name}`)).json<Pod>()
const waiting = async (name: string): Promise<{ reason: string; message?: string } | undefined> =>
  (await pod(name)).status.containerStatuses?.[0]?.state.waiting
const events = async (name: string): Promise<string[]> =>
  (await request(sb, `/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3D${name}`))
    .json<{ items: (KObj & { message: string })[] }>()
    .items.map((e) => e.message)

describe('a local image must be loaded before pods can pull it', () => {
  it('waits in ErrImagePull then ImagePullBackOff with the kubelet’s words, and runs after a load', async () => {
    await makePod('local', 'skiff-demo/app:dev')
    await sb.advance(4000)
    expect(await events('local')).toContain('Error: ErrImagePull')
    expect(await events('local')).toContain(
      'Failed to pull image "skiff-demo/app:dev": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/skiff-demo/app:dev": failed to resolve reference "docker.io/skiff-demo/app:dev": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    )
    expect(await waiting('local')).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "skiff-demo/app:dev"',
    })
    sb.images.load('skiff-demo/app:dev')
    expect(sb.images.loaded()).toContain('docker.io/skiff-demo/app:dev')
    // The kubelet tries again only when its back-off expires.
    await sb.advance(1000)
    expect(await waiting('local')).toMatchObject({ reason: 'ImagePullBackOff' })
    await sb.advance(10_000)
    expect((await pod('local')).status.phase).toBe('Running')
    expect(await events('local')).toContain('Successfully pulled image "skiff-demo/app:dev"')
  })

  it('a loaded :latest image still fails with the default Always policy, and runs with IfNotPresent', async () => {
    sb.images.load('skiff-demo/app:latest')
    await makePod('always', 'skiff-demo/app')
    await makePod('ifnotpresent', 'skiff-demo/app', 'IfNotPresent')
    await sb.advance(4000)
    expect(await waiting('always')).toMatchObject({ reason: 'ImagePullBackOff' })
    expect((await pod('ifnotpresent')).status.phase).toBe('Running')
  })

  it('well-known public images and images the host does not have are pulled as before', async () => {
    await makePod('public', 'nginx:1.27')
    await makePod('unknown', 'someone/else:1')
    await sb.advance(4000)
    expect((await pod('public')).status.phase).toBe('Running')
    expect((await pod('unknown')).status.phase).toBe('Running')
  })

  it('loaded images survive a save and restart', async () => {
    await sb.save(join(dir, 'state.json'))
    const again = await startSandbox({
      name: 'images',
      manualClock: true,
      stateFile: join(dir, 'state.json'),
      port: 0,
    })
    try {
      expect(again.images.loaded()).toContain('docker.io/skiff-demo/app:dev')
    } finally {
      await again.stop()
    }
  })
})
