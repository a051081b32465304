import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { z } from 'zod'
import { presets, presetSpec } from '@shared/cluster-options'
import { methods } from '@shared/contract'
import { createPreview } from './create-preview'
import { kindClusterConfig, kindConfigYaml, kindCreateArgs } from './kind-config'
import { minikubeStartArgs } from './minikube-args'
import type { CreateSpec, ProviderId } from './types'

// kind's v1alpha4 Cluster, transcribed from pkg/apis/config/v1alpha4/types.go: strict objects, so a field
// kind does not know (or a wrong type) fails here as kind's strict YAML decoding fails on it.
const patchJSON6902 = z.strictObject({
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  patch: z.string(),
})
const portMapping = z.strictObject({
  containerPort: z.number().int().min(0).max(65535).optional(),
  hostPort: z.number().int().min(-1).max(65535).optional(),
  listenAddress: z.string().optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
})
const mount = z.strictObject({
  containerPath: z.string().optional(),
  hostPath: z.string().optional(),
  readOnly: z.boolean().optional(),
  selinuxRelabel: z.boolean().optional(),
  propagation: z.enum(['None', 'HostToContainer', 'Bidirectional']).optional(),
})
const node = z.strictObject({
  role: z.enum(['control-plane', 'worker']).optional(),
  image: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  extraMounts: z.array(mount).optional(),
  extraPortMappings: z.array(portMapping).optional(),
  kubeadmConfigPatches: z.array(z.string()).optional(),
  kubeadmConfigPatchesJSON6902: z.array(patchJSON6902).optional(),
})
const kindV1alpha4 = z.strictObject({
  kind: z.literal('Cluster'),
  apiVersion: z.literal('kind.x-k8s.io/v1alpha4'),
  name: z.string().optional(),
  nodes: z.array(node).optional(),
  networking: z.strictObject({}).catchall(z.unknown()).optional(),
  featureGates: z.record(z.string(), z.boolean()).optional(),
  runtimeConfig: z.record(z.string(), z.string()).optional(),
  kubeadmConfigPatches: z.array(z.string()).optional(),
  kubeadmConfigPatchesJSON6902: z.array(patchJSON6902).optional(),
  containerdConfigPatches: z.array(z.string()).optional(),
  containerdConfigPatchesJSON6902: z.array(z.string()).optional(),
})

const spec = (provider: ProviderId, preset: (typeof presets)[number]['id']): CreateSpec => ({
  name: 'demo',
  ...presetSpec(preset, provider),
})

describe('kind config for each preset', () => {
  it.each(presets.map((p) => p.id))('%s is valid v1alpha4 YAML', (preset) => {
    const parsed: unknown = YAML.parse(kindConfigYaml(spec('kind', preset)))
    expect(() => kindV1alpha4.parse(parsed)).not.toThrow()
  })

  it('the schema check can fail: a misspelt field is refused', () => {
    const bad = { ...kindClusterConfig({ name: 'x' }), node: [] }
    expect(kindV1alpha4.safeParse(bad).success).toBe(false)
  })

  it('"Ingress on localhost" maps 80/443 on the control plane, labelled ingress-ready', () => {
    const c = kindClusterConfig(spec('kind', 'ingress'))
    expect(c.nodes).toHaveLength(1)
    expect(c.nodes[0]?.extraPortMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { containerPort: 443, hostPort: 443, protocol: 'TCP' },
    ])
    expect(YAML.parse(c.nodes[0]?.kubeadmConfigPatches?.[0] ?? '')).toEqual({
      kind: 'InitConfiguration',
      nodeRegistration: { kubeletExtraArgs: { 'node-labels': 'ingress-ready=true' } },
    })
  })

  it('"Multi-node" is one control plane and two workers; "With local registry" patches containerd', () => {
    expect(kindClusterConfig(spec('kind', 'multi-node')).nodes.map((n) => n.role)).toEqual([
      'control-plane',
      'worker',
      'worker',
    ])
    const reg = kindClusterConfig(spec('kind', 'registry'))
    expect(reg.containerdConfigPatches?.[0]).toContain('config_path = "/etc/containerd/certs.d"')
  })
})

describe('command lines (argument arrays)', () => {
  it('kind reads its config on stdin and pins the node image for a version', () => {
    expect(kindCreateArgs({ name: 'demo', kubernetesVersion: '1.33.1' }, '5m')).toEqual([
      'create',
      'cluster',
      '--name',
      'demo',
      '--config',
      '-',
      '--wait',
      '5m',
      '--image',
      'kindest/node:v1.33.1',
    ])
  })

  it('minikube takes each option and addon as its own flag', () => {
    expect(
      minikubeStartArgs({
        name: 'dev',
        driver: 'podman',
        cpus: 4,
        memoryMb: 8192,
        kubernetesVersion: 'v1.33.1',
        nodes: 2,
        addons: ['ingress', 'metrics-server'],
      }),
    ).toEqual([
      'start',
      '-p',
      'dev',
      '--driver=podman',
      '--kubernetes-version=v1.33.1',
      '--nodes=2',
      '--cpus=4',
      '--memory=8192',
      '--addons=ingress',
      '--addons=metrics-server',
    ])
  })

  it('a name with spaces or quotes stays one argument and is quoted in the preview', () => {
    // The contract refuses such a name; the builder still never splits it.
    const args = kindCreateArgs({ name: "a b'c" }, '5m')
    expect(args[3]).toBe("a b'c")
    expect(createPreview('kind', { name: "a b'c" }).commands[0]).toContain(`'a b'\\''c'`)
  })

  it('previews every command a kind create with a registry runs, in order', () => {
    const p = createPreview('kind', { name: 'demo', nodes: 2, localRegistry: true })
    expect(p.commands).toEqual([
      'docker run -d --restart=always -p 127.0.0.1:5001:5000 --network bridge --name kind-registry registry:3',
      'kind create cluster --name demo --config - --wait 5m',
      'docker exec demo-control-plane mkdir -p /etc/containerd/certs.d/localhost:5001',
      'docker exec -i demo-control-plane cp /dev/stdin /etc/containerd/certs.d/localhost:5001/hosts.toml',
      'docker exec demo-worker mkdir -p /etc/containerd/certs.d/localhost:5001',
      'docker exec -i demo-worker cp /dev/stdin /etc/containerd/certs.d/localhost:5001/hosts.toml',
      'docker network connect kind kind-registry',
    ])
    expect(p.config).toContain('containerdConfigPatches')
  })

  it('the sandbox runs no command and says so', () => {
    const p = createPreview('sandbox', { name: 'demo', nodes: 3, speed: 10 })
    expect(p.commands).toEqual([])
    expect(p.notes[0]).toMatch(/3 nodes, time ×10/)
  })
})

describe('the contract validates every option set before anything runs', () => {
  const input = methods['clusters.create'].input
  it.each([
    ['kind', { name: 'demo', addons: ['ingress'] }, 'only minikube'],
    ['minikube', { name: 'demo', ingressPorts: true }, 'only kind'],
    ['sandbox', { name: 'demo', nodes: 4 }, 'at most 3'],
    ['minikube', { name: 'demo', addons: ['rm -rf'] }, 'Invalid option'],
    ['kind', { name: 'Demo' }, 'not a valid cluster name'],
    ['sandbox', { name: 'demo', kubernetesVersion: 'v1.33.1' }, 'one Kubernetes version'],
  ] as const)('%s %j is refused', (provider, s, message) => {
    const r = input.safeParse({ provider, spec: s })
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain(message)
  })

  it.each(
    presets.flatMap((p) => (['kind', 'minikube', 'sandbox'] as const).map((prov) => [p.id, prov] as const)),
  )('preset %s is accepted for %s when it applies', (preset, provider) => {
    const s = presetSpec(preset, provider)
    if (!s) return expect(preset === 'registry' && provider === 'sandbox').toBe(true)
    expect(input.safeParse({ provider, spec: { name: 'demo', ...s } }).success).toBe(true)
  })
})
