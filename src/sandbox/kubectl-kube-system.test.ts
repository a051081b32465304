import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// A new sandbox's kube-system looks like kind's, its pods come up and log in their components' formats.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

beforeAll(async () => {
  sb = await startSandbox({ name: 'kind', manualClock: true, nodes: 2 })
  k = await kubectlFor(sb)
  await sb.advance(60_000)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kube-system', () => {
  it('runs the control plane, coredns, kindnet, kube-proxy and the local-path provisioner', async () => {
    const rows = (await ok(['get', 'pods', '-A', '--no-headers']))
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/))
    for (const row of rows) expect(row.slice(2, 4), row.join(' ')).toEqual(['1/1', 'Running'])
    const names = rows.map(
      (r) =>
        `${r[0] ?? ''}/${(r[1] ?? '').replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-*').replace(/-[a-z0-9]{8,10}-\*$/, '-*')}`,
    )
    expect(names.sort()).toEqual([
      'kube-system/coredns-*',
      'kube-system/coredns-*',
      'kube-system/etcd-kind-control-plane',
      'kube-system/kindnet-*',
      'kube-system/kindnet-*',
      'kube-system/kube-apiserver-kind-control-plane',
      'kube-system/kube-controller-manager-kind-control-plane',
      'kube-system/kube-proxy-*',
      'kube-system/kube-proxy-*',
      'kube-system/kube-scheduler-kind-control-plane',
      'local-path-storage/local-path-provisioner-*',
    ])
    expect(await ok(['get', 'ds', '-n', 'kube-system'])).toMatch(
      /\nkube-proxy\s+2\s+2\s+2\s+2\s+2\s+kubernetes\.io\/os=linux\s+\S+\n$/,
    )
    expect(
      await ok(['get', 'svc', 'kube-dns', '-n', 'kube-system', '-o', 'jsonpath={.spec.clusterIP}']),
    ).toBe('10.96.0.10')
    expect(
      await ok([
        'get',
        'endpoints',
        'kube-dns',
        '-n',
        'kube-system',
        '-o',
        'jsonpath={.subsets[0].addresses[*].ip}',
      ]),
    ).toMatch(/^10\.244\.\d+\.\d+ 10\.244\.\d+\.\d+$/)
  })

  it('mirrors the static pods, owned by their node, on the host network', async () => {
    const pod = JSON.parse(
      await ok(['get', 'pod', 'etcd-kind-control-plane', '-n', 'kube-system', '-o', 'json']),
    ) as {
      metadata: {
        annotations: Record<string, string>
        ownerReferences: Array<{ kind: string; name: string }>
      }
      status: { podIP: string; hostIP: string }
    }
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ kind: 'Node', name: 'kind-control-plane' })
    expect(pod.metadata.annotations['kubernetes.io/config.source']).toBe('file')
    expect(pod.status.podIP).toBe('172.18.0.2')
  })

  it('logs in each component’s format', async () => {
    const etcd = await ok(['logs', '-n', 'kube-system', 'etcd-kind-control-plane', '--tail=1'])
    expect(JSON.parse(etcd)).toMatchObject({ level: 'info', msg: 'serving client traffic securely' })
    const kindnet = await ok(['logs', '-n', 'kube-system', 'ds/kindnet', '--tail=2'])
    expect(kindnet).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6}\s+1 main\.go:\d+\] /)
    expect(kindnet).toContain('handling current node')
    expect(await ok(['logs', '-n', 'kube-system', 'deploy/coredns'])).toContain('CoreDNS-1.11.3')
  })
})
