import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// StatefulSets, DaemonSets, ControllerRevisions, claims, volumes and StorageClasses survive a restart
// (the controllers pick them up without making anything twice); their schemas serve explain and
// server-side apply.
let dir: string
let stateFile: string
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

const APPS = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres:17}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: busybox:1.37}]
`

// Everything of the kinds this issue adds, as kind/name=uid lines, sorted.
const inventory = async (): Promise<string> =>
  (
    await ok([
      'get',
      'sts,ds,controllerrevisions,pvc,pv,storageclass,pods',
      '-A',
      '-o',
      'jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.uid}{"\\n"}{end}',
    ])
  )
    .trim()
    .split('\n')
    .sort()
    .join('\n')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-apps-state-'))
  stateFile = join(dir, 'state.json')
  sb = await startSandbox({ name: 'appsave', manualClock: true, stateFile })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('apps and storage kinds', () => {
  it('survive a sandbox restart, and the controllers go on from there', async () => {
    await ok(['apply', '-f', '-'], APPS)
    await sb.advance(60_000)
    await ok(['set', 'image', 'sts/db', 'db=postgres:17.2'])
    await sb.advance(60_000)
    expect(await ok(['get', 'sts', 'db', '-o', 'jsonpath={.status.readyReplicas}'])).toBe('2')
    const before = await inventory()
    expect(before).toMatch(/^PersistentVolume\/pvc-/m)
    expect(before.match(/^ControllerRevision\/db-/gm)).toHaveLength(2)
    await sb.stop()

    sb = await startSandbox({ name: 'appsave', manualClock: true, stateFile })
    await sb.advance(30_000)
    expect(await inventory()).toBe(before)
    expect(await ok(['rollout', 'history', 'sts/db'])).toContain('2         <none>')
    expect(await ok(['get', 'pvc', '-o', 'jsonpath={.items[*].status.phase}'])).toBe('Bound Bound')
    await ok(['scale', 'sts/db', '--replicas=3'])
    await sb.advance(60_000)
    expect(await ok(['get', 'pods', '-l', 'app=db', '-o', 'jsonpath={.items[*].metadata.name}'])).toBe(
      'db-0 db-1 db-2',
    )
  })

  it('explains the new kinds and applies them server-side', async () => {
    expect(await ok(['explain', 'statefulset.spec.volumeClaimTemplates'])).toContain(
      'FIELD: volumeClaimTemplates <[]PersistentVolumeClaim>',
    )
    expect(await ok(['explain', 'pvc.status.phase'])).toContain('FIELD: phase <string>')
    expect(await ok(['explain', 'daemonset.spec.updateStrategy.rollingUpdate'])).toContain('maxSurge')
    expect(await ok(['explain', 'storageclass.volumeBindingMode'])).toContain('VERSION:    v1')
    const fresh = APPS.replaceAll('db', 'ssa').replaceAll('agent', 'ssa-agent')
    const applied = 'statefulset.apps/ssa serverside-applied\ndaemonset.apps/ssa-agent serverside-applied\n'
    expect(await ok(['apply', '--server-side', '-f', '-'], fresh)).toBe(applied)
    expect(await ok(['apply', '--server-side', '-f', '-'], fresh)).toBe(applied)
    expect(await ok(['get', 'sts', 'ssa', '-o', 'jsonpath={.metadata.managedFields[*].manager}'])).toContain(
      'kubectl',
    )
  })
})
