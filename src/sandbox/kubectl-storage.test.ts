import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// Claims, volumes and StorageClasses with the real kubectl, on a manual clock the test steps.
let sb: RunningSandbox
let k: KubectlRunner
const { ok, jsonpath } = kubectlSteps(() => k)

async function until(check: () => Promise<boolean>, steps = 12, stepMs = 10_000): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (await check()) return
    await sb.advance(stepMs)
  }
  throw new Error('condition not reached on the sandbox clock')
}

const claim = (name: string, extra = ''): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 2Gi}}
${extra}`

const pod = (name: string, claimName: string): string => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: ${claimName}}
`

beforeAll(async () => {
  sb = await startSandbox({ name: 'kstore', manualClock: true })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('storage', () => {
  it('serves the default StorageClass like kind', async () => {
    expect(await ok(['get', 'storageclass'])).toMatch(
      /^NAME\s+PROVISIONER\s+RECLAIMPOLICY\s+VOLUMEBINDINGMODE\s+ALLOWVOLUMEEXPANSION\s+AGE\nstandard \(default\)\s+rancher\.io\/local-path\s+Delete\s+WaitForFirstConsumer\s+false\s+\S+\n$/,
    )
  })

  it('keeps a claim Pending until a pod uses it, then provisions and binds a volume', async () => {
    await ok(['apply', '-f', '-'], claim('data'))
    await sb.advance(1000)
    expect(await jsonpath(['get', 'pvc', 'data'], '{.status.phase} {.spec.storageClassName}')).toBe(
      'Pending standard',
    )
    expect(await ok(['get', 'events', '--field-selector', 'involvedObject.name=data'])).toContain(
      'waiting for first consumer to be created before binding',
    )
    await ok(['apply', '-f', '-'], pod('user', 'data'))
    await until(async () => (await jsonpath(['get', 'pvc', 'data'], '{.status.phase}')) === 'Bound')
    const volume = await jsonpath(['get', 'pvc', 'data'], '{.spec.volumeName}')
    expect(volume).toMatch(/^pvc-[0-9a-f-]{36}$/)
    expect(await ok(['get', 'pvc', 'data'])).toMatch(
      new RegExp(
        `^NAME\\s+STATUS\\s+VOLUME\\s+CAPACITY\\s+ACCESS MODES\\s+STORAGECLASS\\s+VOLUMEATTRIBUTESCLASS\\s+AGE\\ndata\\s+Bound\\s+${volume}\\s+2Gi\\s+RWO\\s+standard\\s+<unset>\\s+\\S+\\n$`,
      ),
    )
    expect(await ok(['get', 'pv'])).toMatch(
      new RegExp(
        `\\n${volume}\\s+2Gi\\s+RWO\\s+Delete\\s+Bound\\s+default/data\\s+standard\\s+<unset>\\s+\\S+\\n$`,
      ),
    )
    const events = await jsonpath(
      ['get', 'events', '--field-selector', 'involvedObject.name=data'],
      '{.items[*].reason}',
    )
    expect(events.split(' ')).toEqual(
      expect.arrayContaining([
        'WaitForFirstConsumer',
        'ExternalProvisioning',
        'Provisioning',
        'ProvisioningSucceeded',
      ]),
    )
    await until(async () => (await jsonpath(['get', 'pod', 'user'], '{.status.phase}')) === 'Running')
    expect(await jsonpath(['get', 'pod', 'user'], '{.spec.nodeName}')).toBe(
      await jsonpath(
        ['get', 'pv', volume],
        '{.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}',
      ),
    )
  })

  it('keeps a pod Pending with the scheduler event while its claim is missing or unbound', async () => {
    await ok(['apply', '-f', '-'], pod('orphan', 'nothing'))
    await sb.advance(1000)
    expect(await ok(['describe', 'pod', 'orphan'])).toContain('Warning  FailedScheduling  ')
    expect(await jsonpath(['get', 'pod', 'orphan'], '{.status.conditions[0].message}')).toBe(
      '0/1 nodes are available: persistentvolumeclaim "nothing" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    )
    await ok(['apply', '-f', '-'], claim('nothing', '  storageClassName: fast\n'))
    await sb.advance(1000)
    expect(await jsonpath(['get', 'pod', 'orphan'], '{.status.conditions[0].message}')).toBe(
      '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    )
    expect(await ok(['get', 'events', '--field-selector', 'involvedObject.name=nothing'])).toContain(
      'storageclass.storage.k8s.io "fast" not found',
    )
    expect(await jsonpath(['get', 'pod', 'orphan'], '{.status.phase}')).toBe('Pending')
  })

  it('protects a claim in use, then deletes its volume by the Delete reclaim policy', async () => {
    const volume = await jsonpath(['get', 'pvc', 'data'], '{.spec.volumeName}')
    await ok(['delete', 'pvc', 'data', '--wait=false'])
    await sb.advance(1000)
    expect(await ok(['get', 'pvc', 'data'])).toMatch(/\ndata\s+Terminating\s/)
    await ok(['delete', 'pod', 'user', '--wait=false'])
    await until(async () => (await k.run(['get', 'pvc', 'data'])).exitCode !== 0)
    await until(async () => (await k.run(['get', 'pv', volume])).exitCode !== 0)
  })

  it('keeps a Retain volume Released after its claim goes', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: v1
kind: PersistentVolume
metadata: {name: manual}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath: {path: /mnt/manual}
`,
    )
    await until(async () => (await jsonpath(['get', 'pv', 'manual'], '{.status.phase}')) === 'Available')
    await ok(['apply', '-f', '-'], claim('static', '  storageClassName: ""\n'))
    await until(async () => (await jsonpath(['get', 'pvc', 'static'], '{.status.phase}')) === 'Bound')
    expect(await jsonpath(['get', 'pvc', 'static'], '{.spec.volumeName} {.status.capacity.storage}')).toBe(
      'manual 5Gi',
    )
    await ok(['delete', 'pvc', 'static', '--wait=false'])
    await until(async () => (await jsonpath(['get', 'pv', 'manual'], '{.status.phase}')) === 'Released')
    expect(await ok(['get', 'pv', 'manual'])).toMatch(
      /\nmanual\s+5Gi\s+RWO\s+Retain\s+Released\s+default\/static\s/,
    )
  })
})
