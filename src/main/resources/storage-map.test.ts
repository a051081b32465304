import { describe, expect, it } from 'vitest'
import type {
  CoreV1Event,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StatefulSet,
  V1StorageClass,
} from '@kubernetes/client-node'
import { claimPods, claimState, statefulSetOf, storageClassState, volumeState } from './storage-map'

const standard: V1StorageClass = {
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
}
const fast: V1StorageClass = { metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com' }
const claim = (name: string, over: Partial<V1PersistentVolumeClaim> = {}): V1PersistentVolumeClaim => ({
  metadata: { name, namespace: 'default' },
  spec: {
    storageClassName: 'standard',
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
  },
  status: { phase: 'Pending' },
  ...over,
})
const pod = (name: string, volumes: NonNullable<V1Pod['spec']>['volumes'], node?: string): V1Pod => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [], volumes, ...(node ? { nodeName: node } : {}) },
  status: {
    phase: node ? 'Running' : 'Pending',
    conditions: node ? [{ type: 'Ready', status: 'True' }] : [],
  },
})
const uses = (claimName: string) => [{ name: 'data', persistentVolumeClaim: { claimName } }]
const web: V1StatefulSet = {
  metadata: { name: 'web' },
  spec: {
    selector: {},
    serviceName: 'web',
    template: {},
    volumeClaimTemplates: [{ metadata: { name: 'www' } }],
  },
}
const event = (reason: string, message: string, at: string, type = 'Normal'): CoreV1Event => ({
  metadata: {},
  involvedObject: {},
  reason,
  message,
  type,
  lastTimestamp: new Date(at),
})

describe('claim → pods', () => {
  it('finds pods that mount a claim directly or through a generic ephemeral volume', () => {
    const pods = [
      pod('a', uses('data'), 'node-1'),
      pod('b', uses('other')),
      pod('c', [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } }]),
    ]
    expect(claimPods('data', pods)).toEqual([{ name: 'a', ready: true, phase: 'Running', node: 'node-1' }])
    expect(claimPods('c-scratch', pods).map((p) => p.name)).toEqual(['c'])
  })

  it("names a volumeClaimTemplate's StatefulSet and ordinal, and only for an ordinal", () => {
    expect(statefulSetOf('www-web-2', [web])).toEqual({ name: 'web', ordinal: 2, pod: 'web-2' })
    expect(statefulSetOf('www-web-x', [web])).toBeUndefined()
    expect(statefulSetOf('www-web-02', [web])).toBeUndefined()
  })
})

describe('claimState', () => {
  it('a bound claim: its volume, capacity and the pods that use it; a scaled-away ordinal said so', () => {
    const s = claimState({
      claim: claim('www-web-1', {
        spec: { storageClassName: 'standard', volumeName: 'pvc-123', accessModes: ['ReadWriteOnce'] },
        status: { phase: 'Bound', capacity: { storage: '1Gi' } },
      }),
      classes: [standard],
      pods: [pod('web-0', uses('www-web-0'), 'node-1')],
      sets: [web],
      events: [],
    })
    expect(s).toMatchObject({
      phase: 'Bound',
      volume: 'pvc-123',
      capacity: '1Gi',
      storageClass: 'standard',
      storageClassFound: true,
      provisioner: 'rancher.io/local-path',
      bindingMode: 'WaitForFirstConsumer',
      pods: [],
      statefulSet: { name: 'web', ordinal: 1, pod: 'web-1', podExists: false },
    })
    expect(s.waiting).toBeUndefined()
  })

  it('WaitForFirstConsumer with no pod: explained as normal, with the controller’s event', () => {
    const s = claimState({
      claim: claim('data'),
      classes: [standard],
      pods: [],
      sets: [],
      events: [
        event(
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
          '2026-01-01T00:00:00Z',
        ),
      ],
    })
    expect(s.waiting?.explanation).toContain('waits for the first pod (WaitForFirstConsumer)')
    expect(s.waiting?.explanation).toContain(
      'No pod uses this claim yet, so it stays Pending until one does. That is normal.',
    )
    expect(s.waiting?.events).toEqual([
      {
        type: 'Normal',
        reason: 'WaitForFirstConsumer',
        message: 'waiting for first consumer to be created before binding',
      },
    ])
  })

  it('names the unscheduled pod, a missing class, no class, a slow provisioner and a failed one', () => {
    const base = { classes: [standard, fast], sets: [], events: [] }
    expect(
      claimState({ ...base, claim: claim('data'), pods: [pod('app', uses('data'))] }).waiting?.explanation,
    ).toContain('Pod app uses it and is not scheduled yet; its events say why.')
    // With the scheduler's FailedScheduling on the pod, its sentence is quoted and listed with the claim's events.
    const unscheduled = claimState({
      ...base,
      claim: claim('data'),
      pods: [pod('app', uses('data'))],
      podEvents: [
        event(
          'FailedScheduling',
          '0/1 nodes are available: 1 node(s) had untolerated taint.',
          '2026-01-01T00:01:00Z',
          'Warning',
        ),
      ],
    })
    expect(unscheduled.waiting?.explanation).toContain(
      'Pod app uses it and is not scheduled yet; the scheduler says: 0/1 nodes are available: 1 node(s) had untolerated taint.',
    )
    expect(unscheduled.waiting?.events.map((e) => e.reason)).toEqual(['FailedScheduling'])
    // kube-controller-manager also says ProvisioningFailed there: the class sentence is the one to read.
    const missing = claimState({
      ...base,
      claim: claim('x', { spec: { storageClassName: 'gold' } }),
      pods: [],
      events: [
        event(
          'ProvisioningFailed',
          'storageclass.storage.k8s.io "gold" not found',
          '2026-01-01T00:00:00Z',
          'Warning',
        ),
      ],
    })
    expect(missing.storageClassFound).toBe(false)
    expect(missing.waiting?.explanation).toMatch(/^StorageClass "gold" does not exist/)
    const none = claimState({
      ...base,
      claim: claim('x', {
        spec: {
          storageClassName: '',
          accessModes: ['ReadWriteMany'],
          resources: { requests: { storage: '5Gi' } },
        },
      }),
      pods: [],
    })
    expect(none.storageClass).toBeUndefined()
    expect(none.waiting?.explanation).toContain('of at least 5Gi, with access modes ReadWriteMany')
    const slow = claimState({ ...base, claim: claim('x', { spec: { storageClassName: 'fast' } }), pods: [] })
    expect(slow.waiting?.explanation).toBe(
      'Waiting for the provisioner "ebs.csi.aws.com" to make a volume. If this lasts, the provisioner may not be running in this cluster.',
    )
    const failed = claimState({
      ...base,
      claim: claim('x', { spec: { storageClassName: 'fast' } }),
      pods: [],
      events: [
        event('ProvisioningFailed', 'old failure', '2026-01-01T00:00:00Z', 'Warning'),
        event('ProvisioningFailed', 'quota exceeded', '2026-01-01T00:05:00Z', 'Warning'),
      ],
    })
    expect(failed.waiting?.explanation).toBe('The provisioner tried and failed: quota exceeded')
    expect(failed.waiting?.events.map((e) => e.message)).toEqual(['quota exceeded', 'old failure'])
  })
})

describe('volumes and classes', () => {
  const pv = (phase: string, policy: string): V1PersistentVolume => ({
    metadata: { name: 'pvc-123' },
    spec: {
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: policy,
      storageClassName: 'standard',
      claimRef: { namespace: 'default', name: 'data', uid: 'u1' },
      hostPath: { path: '/var/local-path-provisioner/pvc-123_default_data' },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] },
          ],
        },
      },
    },
    status: { phase },
  })

  it('a volume: its claim, source, node and what its reclaim policy does to the data', () => {
    const bound = volumeState(pv('Bound', 'Delete'), true)
    expect(bound).toMatchObject({
      claim: { namespace: 'default', name: 'data', exists: true },
      source: 'hostPath /var/local-path-provisioner/pvc-123_default_data (a folder on the node)',
      nodes: ['node-1'],
      reclaimPolicy: 'Delete',
    })
    expect(bound.explanation).toBe(
      'Holds the data of claim default/data. When the claim is deleted, this volume and its data are deleted too (reclaim policy Delete).',
    )
    const released = volumeState(pv('Released', 'Retain'), false)
    expect(released.claim?.exists).toBe(false)
    expect(released.explanation).toContain('The data is kept; no other claim can bind it')
  })

  it('a class: default flag, binding mode in words, and the claims and volumes that name it', () => {
    const s = storageClassState(
      standard,
      [
        claim('data', {
          spec: { storageClassName: 'standard', volumeName: 'pvc-123' },
          status: { phase: 'Bound' },
        }),
        claim('y', { spec: { storageClassName: 'fast' } }),
      ],
      [pv('Bound', 'Delete')],
    )
    expect(s).toMatchObject({ isDefault: true, bindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' })
    expect(s.claims).toEqual([{ namespace: 'default', name: 'data', phase: 'Bound', volume: 'pvc-123' }])
    expect(s.volumes).toEqual([{ name: 'pvc-123', phase: 'Bound', claim: 'default/data' }])
    expect(s.explanation).toContain('Until a pod uses it, a new claim stays Pending')
  })
})
