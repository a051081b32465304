import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request, stream } from '../../../test/support/http-client'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../../test/support/kubectl'

// Query parameters as kube-apiserver parses them, health endpoints, cluster-info and the auth reviews,
// judged by raw HTTP and by the real kubectl.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

beforeAll(async () => {
  sb = await startSandbox({ name: 'dayone', manualClock: true })
  k = await kubectlFor(sb)
})
afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('query parameters', () => {
  it('reads booleans as Go ParseBool: watch=True streams events (the Python client sends it)', async () => {
    const w = stream(
      sb,
      '/api/v1/namespaces/default/configmaps?watch=True&fieldSelector=metadata.name%3Dpy-watch',
    )
    try {
      await request(sb, '/api/v1/namespaces/default/configmaps', {
        method: 'POST',
        body: { metadata: { name: 'py-watch' }, data: { a: '1' } },
      })
      const [line] = await w.waitFor(1)
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        type: 'ADDED',
        object: { metadata: { name: 'py-watch' } },
      })
    } finally {
      w.close()
    }
  })

  it('refuses a boolean Go cannot parse and a dryRun value other than All', async () => {
    const bad = await request(sb, '/api/v1/namespaces/default/configmaps?watch=yes')
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'strconv.ParseBool: parsing "yes": invalid syntax',
    })
    const dry = await request(sb, '/api/v1/namespaces/default/configmaps?dryRun=Some', {
      method: 'POST',
      body: { metadata: { name: 'x' } },
    })
    expect(dry.status).toBe(400)
  })
})

describe('health', () => {
  it('answers /healthz, /livez and /readyz, verbosely on request, without credentials', async () => {
    for (const path of ['/healthz', '/livez', '/readyz']) {
      const r = await request(sb, path, { token: null })
      expect([r.status, r.text]).toEqual([200, 'ok'])
    }
    const verbose = await request(sb, '/readyz?verbose&exclude=etcd', { token: null })
    expect(verbose.text).toContain('[+]ping ok\n')
    expect(verbose.text).toContain('[+]etcd excluded: ok\n')
    expect(verbose.text).toContain('[+]informer-sync ok\n')
    expect(verbose.text.endsWith('readyz check passed\n')).toBe(true)
    expect((await request(sb, '/livez/ping')).text).toBe('ok')
    expect((await request(sb, '/livez/nope')).status).toBe(404)
    expect((await request(sb, '/healthz', { token: 'wrong' })).status).toBe(401)
  })

  it('kubectl cluster-info names the control plane', async () => {
    const out = await ok(['cluster-info'])
    expect(out).toContain(`Kubernetes control plane is running at ${sb.url}`)
  })

  it('kubectl get --raw reads verbose readiness', async () => {
    const out = await ok(['get', '--raw', '/readyz?verbose'])
    expect(out).toMatch(/^\[\+\]ping ok$/m)
    expect(out).toMatch(/readyz check passed/)
  })
})

describe('auth reviews for the sandbox admin', () => {
  it('kubectl auth can-i says yes to resources and non-resource URLs', async () => {
    expect(await ok(['auth', 'can-i', 'get', 'pods'])).toBe('yes\n')
    expect(await ok(['auth', 'can-i', 'delete', 'deployments.apps', '-n', 'kube-system'])).toBe('yes\n')
    expect(await ok(['auth', 'can-i', 'get', '/healthz'])).toBe('yes\n')
  })

  it('kubectl auth can-i --list prints the admin rules', async () => {
    const out = await ok(['auth', 'can-i', '--list'])
    expect(out).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/m)
    expect(out).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m)
  })

  it('kubectl auth whoami names the user and groups', async () => {
    const out = await ok(['auth', 'whoami'])
    expect(out).toMatch(/^Username\s+sandbox-admin$/m)
    expect(out).toMatch(/^Groups\s+\[system:masters system:authenticated\]$/m)
  })

  it('a review naming neither resource nor non-resource attributes is Invalid', async () => {
    const r = await request(sb, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      method: 'POST',
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: {} },
    })
    expect(r.status).toBe(422)
    expect(r.json()).toMatchObject({ reason: 'Invalid' })
  })
})
