import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import { eventually } from '../../test/support/eventually'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// The real kubectl as the judge: get/describe for every kind, apply, selectors, watch, errors, cascading delete.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api, tier: backend}}
    spec:
      containers:
      - name: api
        image: nginx:1.27
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {mode: fast, level: "3"}
---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: shop}
stringData: {password: hunter2}
`

beforeAll(async () => {
  sb = await startSandbox({ name: 'kbasics', speed: 20, nodes: 2 })
  k = await kubectlFor(sb)
  const out = await ok(['apply', '--validate=false', '-f', '-'], MANIFEST)
  expect(out.trim().split('\n')).toEqual([
    'namespace/shop created',
    'deployment.apps/api created',
    'service/api created',
    'configmap/settings created',
    'secret/creds created',
  ])
  await ok(['rollout', 'status', '-n', 'shop', 'deployment/api', '--timeout=30s'])
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl get and describe', () => {
  it('lists every kind with kubectl columns', async () => {
    const out = await ok(['get', 'deploy,rs,po,svc,cm,secret,ep', '-n', 'shop'])
    expect(out).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m)
    expect(out).toMatch(/^deployment\.apps\/api\s+2\/2\s+2\s+2\s+\S+$/m)
    expect(out).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/m)
    expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m)
    expect(out).toMatch(/^pod\/api-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+$/m)
    expect(out).toMatch(/^service\/api\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+$/m)
    expect(out).toMatch(/^configmap\/settings\s+2\s+\S+$/m)
    expect(out).toMatch(/^secret\/creds\s+Opaque\s+1\s+\S+$/m)
    expect(out).toMatch(/^endpoints\/api\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80\s+\S+$/m)
    const cluster = await ok(['get', 'ns,no'])
    expect(cluster).toMatch(/^namespace\/kube-system\s+Active\s+\S+$/m)
    expect(cluster).toMatch(/^node\/kbasics-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.0$/m)
    expect(cluster).toMatch(/^node\/kbasics-worker\s+Ready\s+<none>/m)
    const events = await ok(['get', 'events', '-n', 'shop'])
    expect(events).toMatch(/ScalingReplicaSet\s+deployment\/api\s+Scaled up replica set api-\w+ from 0 to 2/)
    expect(await ok(['get', 'all', '-A', '-o', 'name'])).toContain('service/kubernetes')
  })

  it('prints wide columns, labels and single objects as yaml', async () => {
    const wide = await ok(['get', 'pods', '-n', 'shop', '-o', 'wide', '--show-labels'])
    expect(wide).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\s+LABELS$/m,
    )
    expect(wide).toContain('app=api,pod-template-hash=')
    const yaml = await ok(['get', 'deploy', 'api', '-n', 'shop', '-o', 'yaml'])
    expect(yaml).toContain('deployment.kubernetes.io/revision: "1"')
    expect(yaml).toMatch(/observedGeneration: 1/)
  })

  it('describes every kind', async () => {
    const namespaced = await ok([
      'describe',
      '-n',
      'shop',
      'deployment,rs,pods,service,configmap,secret,events',
    ])
    for (const pattern of [
      /Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable/,
      /Controlled By:\s+Deployment\/api/,
      /Status:\s+Running/,
      /Endpoints:\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/,
      /mode:\n----\nfast/,
      /password:\s+7 bytes/,
      /Reason:\s+ScalingReplicaSet/,
    ]) {
      expect(namespaced).toMatch(pattern)
    }
    expect(await ok(['describe', 'namespace', 'shop'])).toMatch(/Status:\s+Active/)
    expect(await ok(['describe', 'node', 'kbasics-worker'])).toMatch(/Kubelet Version:\s+v1\.32\.0/)
  })

  it('filters with -l and --field-selector', async () => {
    expect(await ok(['get', 'pods', '-n', 'shop', '-l', 'tier=backend', '-o', 'name'])).toMatch(
      /^(pod\/api-\S+\n){2}$/,
    )
    expect((await k.run(['get', 'pods', '-n', 'shop', '-l', 'tier notin (backend)'])).stderr).toBe(
      'No resources found in shop namespace.\n',
    )
    const running = await ok([
      'get',
      'pods',
      '-A',
      '--field-selector',
      'status.phase=Running,metadata.namespace=shop',
    ])
    expect(running.trim().split('\n')).toHaveLength(3)
    const bad = await k.run(['get', 'pods', '--field-selector', 'spec.bogus=1'])
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toContain('field label not supported: spec.bogus')
  })
})

describe('kubectl writes and errors', () => {
  it('creates a deployment and reports NotFound, AlreadyExists and Invalid like a real server', async () => {
    expect(await ok(['create', 'deployment', 'web', '--image=nginx:1.26', '--replicas=1'])).toBe(
      'deployment.apps/web created\n',
    )
    const missing = await k.run(['get', 'pod', 'nope'])
    expect(missing).toMatchObject({
      exitCode: 1,
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
    })
    const dup = await k.run(['create', 'deployment', 'web', '--image=nginx'])
    expect(dup.exitCode).toBe(1)
    expect(dup.stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n')
    const invalid = await k.run(['create', 'configmap', 'Bad_Name'])
    expect(invalid.exitCode).toBe(1)
    expect(invalid.stderr).toContain(
      'ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"',
    )
    const negative = await k.run(['scale', 'deployment/web', '--replicas=-1'])
    expect(negative.exitCode).toBe(1)
  })

  it('re-applies a changed manifest as a patch', async () => {
    const out = await ok(
      ['apply', '--validate=false', '-f', '-'],
      MANIFEST.replace('mode: fast', 'mode: slow'),
    )
    expect(out).toContain('configmap/settings configured')
    expect(out).toContain('deployment.apps/api unchanged')
    expect(await ok(['get', 'cm', 'settings', '-n', 'shop', '-o', 'jsonpath={.data.mode}'])).toBe('slow')
  })

  it('get -w shows a change as it happens', async () => {
    const watch = k.spawn(['get', 'configmaps', '-n', 'shop', '-w'])
    let seen = ''
    watch.stdout?.on('data', (d: Buffer) => (seen += d.toString()))
    await eventually(async () => expect(seen).toContain('settings'))
    await ok(['create', 'configmap', 'live', '-n', 'shop', '--from-literal=a=b'])
    await eventually(async () => expect(seen).toMatch(/^live\s+1\s+\S+$/m))
    watch.kill()
  })

  it('deleting a deployment cascades; deleting a namespace removes it', async () => {
    expect(await ok(['delete', 'deployment', 'api', '-n', 'shop'])).toBe('deployment.apps "api" deleted\n')
    await eventually(async () => {
      const r = await k.run(['get', 'rs,pods', '-n', 'shop'])
      expect(r.stderr).toBe('No resources found in shop namespace.\n')
    })
    expect(await ok(['delete', 'namespace', 'shop', '--timeout=20s'])).toBe('namespace "shop" deleted\n')
    const gone = await k.run(['get', 'ns', 'shop'])
    expect(gone.stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n')
  })
})
