import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// Probes and memory limits with the real kubectl, on a clock that moves only when stepped: exec probes
// read the container's simulated files, so `kubectl exec` decides whether a probe passes.
let sb: RunningSandbox
let k: KubectlRunner
const { ok, jsonpath } = kubectlSteps(() => k)

beforeAll(async () => {
  sb = await startSandbox({ name: 'kprobes', manualClock: true })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('probes', () => {
  it('a failing readiness probe keeps a pod out of its service endpoints', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
          periodSeconds: 2
          failureThreshold: 1
---
apiVersion: v1
kind: Service
metadata: {name: shop}
spec:
  selector: {app: shop}
  ports: [{port: 80}]
`,
    )
    await sb.advance(4_000)
    const pods = (await jsonpath(['get', 'pods', '-l', 'app=shop'], '{.items[*].metadata.name}')).split(' ')
    expect(pods.length).toBe(2)
    const [first = '', second = ''] = pods
    expect(await ok(['get', 'pods', '-l', 'app=shop', '--no-headers'])).toMatch(
      /0\/1\s+Running[\s\S]*0\/1\s+Running/,
    )
    expect(await jsonpath(['get', 'endpoints', 'shop'], '{.subsets[0].addresses}')).toBe('')
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      `involvedObject.name=${first},reason=Unhealthy`,
    ])
    expect(events).toContain(
      "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory",
    )

    await ok(['exec', first, '--', 'touch', '/tmp/ready'])
    await sb.advance(2_000)
    const ip = await jsonpath(['get', 'pod', first], '{.status.podIP}')
    expect(await jsonpath(['get', 'endpoints', 'shop'], '{.subsets[0].addresses[*].ip}')).toBe(ip)
    expect(
      await jsonpath(['get', 'endpoints', 'shop'], '{.subsets[0].notReadyAddresses[*].targetRef.name}'),
    ).toBe(second)
    // and out again when it fails once more
    await ok(['exec', first, '--', 'rm', '/tmp/ready'])
    await sb.advance(2_000)
    expect(await jsonpath(['get', 'pod', first], '{.status.containerStatuses[0].ready}')).toBe('false')
    await ok(['delete', 'deployment', 'shop'])
  })

  it('a failing liveness probe gets the container killed and restarted', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: v1
kind: Pod
metadata: {name: liveness-exec}
spec:
  containers:
  - name: liveness
    image: busybox:1.36
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
`,
    )
    await sb.advance(3_000)
    await ok(['exec', 'liveness-exec', '--', 'touch', '/tmp/healthy'])
    await sb.advance(10_000)
    expect(
      await jsonpath(['get', 'pod', 'liveness-exec'], '{.status.containerStatuses[0].restartCount}'),
    ).toBe('0')
    await ok(['exec', 'liveness-exec', '--', 'rm', '/tmp/healthy'])
    await sb.advance(15_000)
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.name=liveness-exec'])
    expect(events).toContain(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    )
    expect(events).toContain('Container liveness failed liveness probe, will be restarted')
    expect(
      await jsonpath(
        ['get', 'pod', 'liveness-exec'],
        '{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.exitCode}',
      ),
    ).toBe('1 137')
  })

  it('a container over its memory limit is OOMKilled with exit code 137', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources: {requests: {memory: 50Mi}, limits: {memory: 100Mi}}
    command: [stress]
    args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]
`,
    )
    await sb.advance(5_000)
    const last = await jsonpath(
      ['get', 'pod', 'memory-demo-2'],
      '{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}',
    )
    expect(last).toBe('OOMKilled 137')
    expect(await ok(['get', 'pod', 'memory-demo-2', '--no-headers'])).toMatch(/CrashLoopBackOff\s+1 \(/)
    expect(await ok(['describe', 'pod', 'memory-demo-2'])).toMatch(
      /Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137/,
    )
  })
})
