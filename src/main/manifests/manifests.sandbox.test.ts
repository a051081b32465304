import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createManifestService, type ManifestService } from '.'
import { createRest } from './rest'

// One sandbox for the file (manual clock: only our own writes move the objects, so nothing here races time).
let fx: SandboxFixture
let svc: ManifestService
beforeAll(async () => {
  fx = await startFixture('manifests', 1, true)
  svc = createManifestService({ getKubeConfig: () => Promise.resolve(fx.kubeConfig) })
})
afterAll(async () => fx?.stop())

const deployment = (name: string, ns: string, replicas: number, image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: web
          image: ${image}
`

const fourDocuments = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  colour: blue
---
${deployment('front', 'shop', 2, 'nginx:1.25')}---
apiVersion: v1
kind: Service
metadata:
  name: front
  namespace: shop
spec:
  selector: { app: front }
  ports:
    - port: 80
`

describe('apply', () => {
  it('previews, applies a 4-document manifest, and a second apply is all unchanged', async () => {
    const preview = await svc.preview({ text: fourDocuments })
    expect(preview.dryRun).toBe(true)
    expect(preview.documents.map((d) => [d.kind, d.outcome, d.startLine])).toEqual([
      ['Namespace', 'created', 1],
      ['ConfigMap', 'created', 6],
      ['Deployment', 'created', 14],
      ['Service', 'created', 31],
    ])
    expect(preview.documents[2]?.after).toContain('image: nginx:1.25')
    expect(await fx.kubectl.run(['get', 'namespace', 'shop'])).toMatchObject({ exitCode: 1 })

    const first = await svc.apply({ text: fourDocuments })
    expect(first.documents.map((d) => d.outcome)).toEqual(['created', 'created', 'created', 'created'])
    expect(await fx.kubectl.out(['get', 'deploy,svc,cm', '-n', 'shop', '-o', 'name'])).toContain(
      'deployment.apps/front',
    )
    const second = await svc.apply({ text: fourDocuments })
    expect(second.documents.map((d) => d.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ])
    const managers = await fx.kubectl.out([
      'get',
      'deploy',
      'front',
      '-n',
      'shop',
      '--show-managed-fields',
      '-o',
      'jsonpath={.metadata.managedFields[*].manager}',
    ])
    expect(managers.split(' ')).toContain('skiff')
    expect(svc.activity().entries[0]).toMatchObject({ action: 'apply', summary: '4 unchanged', ok: true })
  })

  it('pins a server refusal to the document and line, and keeps applying the others', async () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: good
data: { a: b }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: bad
  colour: red
`
    const result = await svc.apply({ text })
    expect(result.documents[0]?.outcome).toBe('created')
    expect(result.documents[1]).toMatchObject({ outcome: 'failed', line: 11 })
    expect(result.documents[1]?.message).toContain('.metadata.colour: field not declared in schema')
  })

  it('reports exactly the conflicts kube-apiserver would when kubectl applies over Skiff', async () => {
    await svc.apply({ text: deployment('shared', 'default', 2, 'nginx:1.25') })
    const theirs = deployment('shared', 'default', 3, 'nginx:1.27')
    const kubectl = await fx.kubectl.run(['apply', '--server-side', '--field-manager=ci', '-f', '-'], {
      input: theirs,
    })
    expect(kubectl.exitCode).toBe(1)
    expect(kubectl.stderr).toContain(
      'Apply failed with 2 conflicts: conflicts with "skiff":\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
    )
    // kubectl takes ownership; now Skiff's own apply sees ci's fields, by field, manager and line.
    await fx.kubectl.out(['apply', '--server-side', '--field-manager=ci', '--force-conflicts', '-f', '-'], {
      input: theirs,
    })
    const mine = deployment('shared', 'default', 2, 'nginx:1.25')
    const preview = await svc.preview({ text: mine })
    expect(preview.documents[0]).toMatchObject({
      outcome: 'conflict',
      conflicts: [
        { field: '.spec.replicas', manager: 'ci', line: 7 },
        { field: '.spec.template.spec.containers[name="web"].image', manager: 'ci', line: 16 },
      ],
    })
    const forced = await svc.apply({ text: mine, force: true })
    expect(forced.documents[0]?.outcome).toBe('configured')
    expect(await fx.kubectl.out(['get', 'deploy', 'shared', '-o', 'jsonpath={.spec.replicas}'])).toBe('2')
  })
})

describe('custom resources', () => {
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: gadgets, singular: gadget, kind: Gadget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer, description: How big the gadget is. }
`
  it('applies a CRD and then its objects through discovery, and serves its schema to the editor', async () => {
    expect((await svc.apply({ text: crd })).documents[0]?.outcome).toBe('created')
    const gadget = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g1\nspec:\n  size: 3\n'
    expect((await svc.apply({ text: gadget })).documents[0]).toMatchObject({
      outcome: 'created',
      namespace: 'default',
    })
    expect(await fx.kubectl.out(['get', 'gadget', 'g1', '-o', 'jsonpath={.spec.size}'])).toBe('3')
    const { document } = await svc.schema({ apiVersion: 'example.com/v1' })
    const schemas = Object.values(
      (document as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas,
    )
    const own = schemas.find((s) => JSON.stringify(s['x-kubernetes-group-version-kind']).includes('"Gadget"'))
    expect(JSON.stringify(own)).toContain('How big the gadget is.')
  })
})

describe('edit', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'edited' }

  it('saves while the status changes every 100 ms (no 409), with a one-line preview', async () => {
    await svc.apply({ text: deployment('edited', 'default', 1, 'nginx:1.25') })
    const { yaml: base } = await svc.open(ref)
    expect(base).not.toContain('managedFields')
    const rest = createRest(fx.kubeConfig)
    let ticks = 0
    const statusPath = '/apis/apps/v1/namespaces/default/deployments/edited/status'
    const tick = async (): Promise<void> => {
      ticks += 1
      await rest({
        method: 'PATCH',
        path: statusPath,
        contentType: 'application/merge-patch+json',
        body: JSON.stringify({ status: { collisionCount: ticks } }),
      })
    }
    const timer = setInterval(() => void tick().catch(() => undefined), 100)
    try {
      await tick()
      const text = base.replace('image: nginx:1.25', 'image: nginx:1.27')
      const preview = await svc.previewEdit({ ...ref, base, text })
      const changed = diffLines(preview.before, preview.after)
      expect(changed).toEqual(['- image: nginx:1.25', '+ image: nginx:1.27'])
      await tick()
      const saved = await svc.saveEdit({ ...ref, base, text })
      expect(saved).toMatchObject({ outcome: 'saved', conflicts: [], dropped: [] })
      expect(ticks).toBeGreaterThanOrEqual(2)
    } finally {
      clearInterval(timer)
    }
    expect(
      await fx.kubectl.out([
        'get',
        'deploy',
        'edited',
        '-o',
        'jsonpath={.spec.template.spec.containers[0].image}',
      ]),
    ).toBe('nginx:1.27')
  })

  it('stops on a true conflict (spec.replicas scaled by kubectl meanwhile) and shows yours, theirs, base', async () => {
    const { yaml: base } = await svc.open(ref)
    await fx.kubectl.out(['scale', 'deploy', 'edited', '--replicas=4'])
    const text = base.replace('replicas: 1', 'replicas: 2')
    const saved = await svc.saveEdit({ ...ref, base, text })
    expect(saved.outcome).toBe('conflict')
    expect(saved.conflicts).toEqual([{ path: 'spec.replicas', base: '1', theirs: '4', yours: '2' }])
    expect(await fx.kubectl.out(['get', 'deploy', 'edited', '-o', 'jsonpath={.spec.replicas}'])).toBe('4')
    // A change to another field saves over the scale without undoing it.
    const labelled = base.replace('  name: edited', '  name: edited\n  labels:\n    team: blue')
    expect((await svc.saveEdit({ ...ref, base, text: labelled })).outcome).toBe('saved')
    expect(await fx.kubectl.out(['get', 'deploy', 'edited', '-o', 'jsonpath={.spec.replicas}'])).toBe('4')
    expect(
      svc
        .activity()
        .entries.slice(0, 2)
        .map((e) => e.summary),
    ).toEqual(['saved', 'stopped: changed meanwhile'])
  })

  it('warns when the server drops a field it does not know', async () => {
    const { yaml: base } = await svc.open(ref)
    const text = base.replace('  replicas: 4', '  replicas: 4\n  colour: red')
    const saved = await svc.saveEdit({ ...ref, base, text })
    expect(saved.outcome).toBe('saved')
    expect(saved.dropped).toEqual(['spec.colour: not kept by the server'])
    expect(saved.warnings.join('\n')).toContain('unknown field "spec.colour"')
  })
})

function diffLines(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  return [
    ...a.filter((l) => !b.includes(l)).map((l) => `- ${l.trim()}`),
    ...b.filter((l) => !a.includes(l)).map((l) => `+ ${l.trim()}`),
  ]
}
