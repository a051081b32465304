import { KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node'
import type { KubernetesObject, V1ConfigMap, V1Deployment } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { kubectlFor } from '../../../test/support/kubectl'
import { kubeConfigFor } from '../../../test/support/kube'

// Server-side apply judged by the real kubectl (--server-side, conflicts, --force-conflicts, dry run) and
// by @kubernetes/client-node's apply patch.
let sb: RunningSandbox
let k: KubectlRunner

beforeAll(async () => {
  sb = await startSandbox({ name: 'ssa', speed: 20 })
  k = await kubectlFor(sb)
})
afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

const cm = (data: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: shared}
data: {${data}}
`

async function run(args: string[], input?: string): Promise<{ out: string; err: string; code: number }> {
  const r = await k.run(args, input !== undefined ? { input } : {})
  return { out: r.stdout, err: r.stderr, code: r.exitCode }
}

// The ConfigMap "shared"'s managedFields, as kubectl shows them.
async function managedFields(): Promise<unknown> {
  const r = await run([
    'get',
    'cm',
    'shared',
    '--show-managed-fields',
    '-o',
    'jsonpath={.metadata.managedFields}',
  ])
  return JSON.parse(r.out)
}

describe('kubectl apply --server-side', () => {
  it('creates the object and records the applied fields of its manager', async () => {
    const first = await run(
      ['apply', '--server-side', '--field-manager=alice', '-f', '-'],
      cm('a: "1", b: "2"'),
    )
    expect(first).toMatchObject({ code: 0, out: 'configmap/shared serverside-applied\n' })
    expect(await managedFields()).toEqual([
      expect.objectContaining({
        manager: 'alice',
        operation: 'Apply',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } },
      }),
    ])
  })

  it('a repeated apply that changes nothing keeps the resourceVersion', async () => {
    const rv = async (): Promise<string> =>
      (await run(['get', 'cm', 'shared', '-o', 'jsonpath={.metadata.resourceVersion}'])).out
    const before = await rv()
    const again = await run(
      ['apply', '--server-side', '--field-manager=alice', '-f', '-'],
      cm('a: "1", b: "2"'),
    )
    expect(again.code, again.err).toBe(0)
    expect(await rv()).toBe(before)
  })

  it('refuses to change a field another manager owns, naming field and manager', async () => {
    const r = await run(['apply', '--server-side', '--field-manager=bob', '-f', '-'], cm('a: "9", c: "3"'))
    expect(r.code).toBe(1)
    expect(r.err).toContain('error: Apply failed with 1 conflict: conflict with "alice": .data.a')
    expect((await run(['get', 'cm', 'shared', '-o', 'jsonpath={.data}'])).out).toBe('{"a":"1","b":"2"}')
  })

  it('--force-conflicts takes the field over; the loser keeps the rest', async () => {
    const r = await run(
      ['apply', '--server-side', '--force-conflicts', '--field-manager=bob', '-f', '-'],
      cm('a: "9", c: "3"'),
    )
    expect(r.code, r.err).toBe(0)
    expect((await run(['get', 'cm', 'shared', '-o', 'jsonpath={.data}'])).out).toBe(
      '{"a":"9","b":"2","c":"3"}',
    )
    const fields = (await managedFields()) as Array<{ manager: string; fieldsV1: unknown }>
    expect(fields.map((f) => [f.manager, f.fieldsV1])).toEqual([
      ['alice', { 'f:data': { 'f:b': {} } }],
      ['bob', { 'f:data': { 'f:a': {}, 'f:c': {} } }],
    ])
  })

  it('drops a field its only manager stops applying', async () => {
    const r = await run(['apply', '--server-side', '--field-manager=bob', '-f', '-'], cm('a: "9"'))
    expect(r.code, r.err).toBe(0)
    expect((await run(['get', 'cm', 'shared', '-o', 'jsonpath={.data}'])).out).toBe('{"a":"9","b":"2"}')
  })

  it('conflicts with a client-side apply, as on a real cluster, and --dry-run=server writes nothing', async () => {
    const deploy = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
`
    expect((await run(['apply', '-f', '-'], deploy(1))).code).toBe(0)
    const r = await run(['apply', '--server-side', '-f', '-'], deploy(2))
    expect(r.err).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
    )
    const dry = await run(
      ['apply', '--server-side', '--force-conflicts', '--dry-run=server', '-f', '-'],
      deploy(2),
    )
    expect(dry).toMatchObject({ code: 0, out: 'deployment.apps/web serverside-applied (server dry run)\n' })
    expect((await run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).out).toBe('1')
    const forced = await run(['apply', '--server-side', '--force-conflicts', '-f', '-'], deploy(2))
    expect(forced.code, forced.err).toBe(0)
    expect((await run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).out).toBe('2')

    // `kubectl scale` writes through the scale subresource: kube-apiserver records it as that writer's own
    // "scale" entry, which takes spec.replicas from the applier, so applying the old count again conflicts.
    expect((await run(['scale', 'deploy', 'web', '--replicas=4'])).code).toBe(0)
    const fields = await run(['get', 'deploy', 'web', '--show-managed-fields', '-o', 'json'])
    const entries = (JSON.parse(fields.out) as V1Deployment).metadata?.managedFields ?? []
    expect(entries.find((e) => e.subresource === 'scale')).toMatchObject({
      operation: 'Update',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    })
    const again = await run(['apply', '--server-side', '-f', '-'], deploy(2))
    expect(again.err).toMatch(
      /Apply failed with 1 conflict: conflict with "kubectl[^"]*" with subresource "scale" using apps\/v1: \.spec\.replicas/,
    )
    expect((await run(['apply', '--server-side', '--force-conflicts', '-f', '-'], deploy(2))).code).toBe(0)
  })
})

describe('@kubernetes/client-node apply', () => {
  it('applies with the apply content type, creating then updating, and sees a conflict as 409', async () => {
    const client = KubernetesObjectApi.makeApiClient(kubeConfigFor(sb))
    const spec = (data: Record<string, string>): KubernetesObject & V1ConfigMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'from-node', namespace: 'default' },
      data,
    })
    const apply = (data: Record<string, string>, manager: string, force = false): Promise<V1ConfigMap> =>
      client.patch(spec(data), undefined, undefined, manager, force, PatchStrategy.ServerSideApply)
    expect((await apply({ x: '1' }, 'skiff')).data).toEqual({ x: '1' })
    expect((await apply({ x: '1', y: '2' }, 'skiff')).data).toEqual({ x: '1', y: '2' })
    await expect(apply({ x: '5' }, 'other')).rejects.toMatchObject({ code: 409 })
    const forced = await apply({ x: '5' }, 'other', true)
    expect(forced.data).toEqual({ x: '5', y: '2' })
    const live = (await client.read({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
    })) as V1Deployment
    expect(live.spec?.replicas).toBe(2)
  })
})
