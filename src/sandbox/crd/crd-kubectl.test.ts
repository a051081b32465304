import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { GADGET_CRD, WIDGET_CRD } from '../../../test/fixtures/crd'
import { eventually } from '../../../test/support/eventually'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../../test/support/kubectl'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'

// The real kubectl 1.32 as the judge of CustomResourceDefinitions: a CRD applied, custom objects applied,
// listed with their printer columns, validated, scaled, status-patched, and deleted with the CRD.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)
let stateDir: string
// no --validate=false: kubectl finds the CRD's schema in /openapi/v3 and validates server-side (Strict)
const APPLY = ['apply', '-f', '-']

async function fails(args: string[], input?: string): Promise<string> {
  const r = await k.run(args, input !== undefined ? { input } : {})
  expect(r.exitCode, `kubectl ${args.join(' ')} should fail\n${r.stdout}`).not.toBe(0)
  return r.stderr
}

const widget = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}): string =>
  stringify({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name, labels }, spec })

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'skiff-crd-'))
  sb = await startSandbox({ name: 'crdk', stateFile: join(stateDir, 'state.json') })
  k = await kubectlFor(sb)
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
  await rm(stateDir, { recursive: true, force: true })
})

describe('kubectl and CustomResourceDefinitions', () => {
  it('applies a CRD, which is established and listed by kubectl get crd', async () => {
    const out = await ok(APPLY, stringify(WIDGET_CRD))
    expect(out.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created')
    await ok(['wait', '--for', 'condition=Established', 'crd/widgets.example.com', '--timeout=10s'])
    const list = await ok(['get', 'crd'])
    expect(list).toMatch(/^NAME\s+CREATED AT$/m)
    expect(list).toMatch(/^widgets\.example\.com\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m)
    const resources = await ok(['api-resources', '--api-group=example.com'])
    expect(resources).toMatch(/^widgets\s+wd\s+example\.com\/v1\s+true\s+Widget$/m)
  })

  it('applies custom objects and lists them with their printer columns', async () => {
    const out = await ok(
      APPLY,
      [widget('w1', { color: 'red' }, { tier: 'front' }), widget('w2', { color: 'blue', replicas: 4 })].join(
        '---\n',
      ),
    )
    expect(out.trim().split('\n')).toEqual(['widget.example.com/w1 created', 'widget.example.com/w2 created'])
    const table = await ok(['get', 'widgets'])
    expect(table).toMatch(/^NAME\s+COLOR\s+REPLICAS\s+READY\s+AGE$/m)
    // a column whose JSONPath finds nothing is a null cell, which kubectl leaves blank
    expect(table).toMatch(/^w1\s+red\s+1\s+\d+s$/m)
    expect(table).toMatch(/^w2\s+blue\s+4\s+\d+s$/m)
    // defaults from the schema, and `kubectl apply` again changes nothing
    expect(await ok(['get', 'wd', 'w1', '-o', 'jsonpath={.spec.size}/{.metadata.generation}'])).toBe('M/1')
    const again = await ok(APPLY, widget('w1', { color: 'red' }, { tier: 'front' }))
    expect(again.trim()).toBe('widget.example.com/w1 unchanged')
  })

  it('selects custom objects by label and by a selectable field', async () => {
    expect(await ok(['get', 'widgets', '-l', 'tier=front', '-o', 'name'])).toBe('widget.example.com/w1\n')
    const byField = await ok(['get', 'widgets', '--field-selector', 'spec.color=blue', '-o', 'name'])
    expect(byField).toBe('widget.example.com/w2\n')
    const err = await fails(['get', 'widgets', '--field-selector', 'spec.size=M'])
    expect(err).toContain('field label not supported: spec.size')
  })

  it('refuses objects the schema rejects, with kube-apiserver texts', async () => {
    const enumErr = await fails(APPLY, widget('bad', { color: 'pink' }))
    expect(enumErr).toContain(
      'The Widget "bad" is invalid: spec.color: Unsupported value: "pink": supported values: "red", "green", "blue"',
    )
    const typeErr = await fails(APPLY, widget('bad', { color: 'red', replicas: 'many' }))
    expect(typeErr).toContain(
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    )
    const many = await fails(APPLY, widget('bad', { replicas: 11, size: 'XXXL' }))
    expect(many).toContain('The Widget "bad" is invalid: ')
    expect(many).toContain('* spec.color: Required value')
    expect(many).toContain(
      '* spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10',
    )
    expect(many).toContain('* spec.size: Too long: may not be longer than 3')
  })

  it("refuses an unknown field under kubectl's strict validation, and only warns with --validate=warn", async () => {
    const typo = widget('typo', { color: 'red', colour: 'blue' })
    const err = await fails(APPLY, typo)
    expect(err).toContain(
      'Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"',
    )
    const r = await k.run(['apply', '--validate=warn', '-f', '-'], { input: typo })
    expect(r.stderr).toContain('Warning: unknown field "spec.colour"')
    expect(r.stdout).toBe('widget.example.com/typo created\n')
    await ok(['delete', 'widget', 'typo'])
  })

  it('explains the custom kind from its schema', async () => {
    const out = await ok(['explain', 'widget.spec'])
    expect(out).toMatch(/^KIND:\s+Widget$/m)
    expect(out).toMatch(/^VERSION:\s+v1$/m)
    expect(out).toMatch(/^ {2}color\t<string> -required-$/m)
    expect(out).toContain('enum: red, green, blue')
    const recursive = await ok(['explain', 'widgets', '--recursive'])
    expect(recursive).toMatch(/^ {2}metadata\t<ObjectMeta>$/m)
    expect(recursive).toMatch(/^ {4}conditions\t<\[\]Object>$/m)
  })

  it('prunes unknown fields but keeps x-kubernetes-preserve-unknown-fields subtrees', async () => {
    // --validate=false sends fieldValidation=Ignore: the unknown field is dropped silently
    await ok(
      ['apply', '--validate=false', '-f', '-'],
      widget('w3', { color: 'green', bogus: 1, extra: { anything: { goes: true } } }),
    )
    const spec = JSON.parse(await ok(['get', 'widget', 'w3', '-o', 'jsonpath={.spec}'])) as unknown
    expect(spec).toEqual({ color: 'green', replicas: 1, size: 'M', extra: { anything: { goes: true } } })
  })

  it('scales through the scale subresource and patches status through the status subresource', async () => {
    expect((await ok(['scale', 'widget', 'w1', '--replicas=3'])).trim()).toBe('widget.example.com/w1 scaled')
    await ok([
      'patch',
      'widget',
      'w1',
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"status":{"replicas":3,"conditions":[{"type":"Ready","status":"True"}]}}',
    ])
    expect(await ok(['get', 'widget', 'w1', '--no-headers'])).toMatch(/^w1\s+red\s+3\s+True\s+\d+s$/m)
    // a main-resource write cannot change status when the status subresource is on
    await ok(['patch', 'widget', 'w1', '--type=merge', '-p', '{"status":{"replicas":9}}'])
    expect(await ok(['get', 'widget', 'w1', '-o', 'jsonpath={.status.replicas}'])).toBe('3')
  })

  it('follows CRD updates: a new printer column shows at once, and the kind joins its categories', async () => {
    const column = { name: 'Size', type: 'string', jsonPath: '.spec.size', priority: 1 }
    const patch = JSON.stringify([
      { op: 'add', path: '/spec/versions/0/additionalPrinterColumns/-', value: column },
    ])
    await ok(['patch', 'crd', 'widgets.example.com', '--type=json', '-p', patch])
    expect(await ok(['get', 'widgets'])).not.toContain('SIZE')
    const wide = await ok(['get', 'widgets', '-o', 'wide'])
    expect(wide).toMatch(/^NAME\s+COLOR\s+REPLICAS\s+READY\s+AGE\s+SIZE$/m)
    expect(wide).toMatch(/^w2\s+blue\s+4\s+\d+s\s+M$/m)
    expect(await ok(['get', 'all', '-o', 'name'])).toContain('widget.example.com/w1\n')
  })

  it('refuses an invalid CRD with the apiextensions message', async () => {
    const noSchema = {
      ...GADGET_CRD,
      metadata: { name: 'things.example.com' },
      spec: {
        ...GADGET_CRD.spec,
        names: { plural: 'things', kind: 'Thing' },
        versions: [{ name: 'v1', served: true, storage: true }],
      },
    }
    const err = await fails(APPLY, stringify(noSchema))
    expect(err).toContain(
      'The CustomResourceDefinition "things.example.com" is invalid: spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required',
    )
  })

  it('serves a cluster-scoped kind with the default Age column', async () => {
    await ok(APPLY, stringify(GADGET_CRD))
    await ok(['wait', '--for', 'condition=Established', 'crd/gadgets.example.com', '--timeout=10s'])
    await ok(
      APPLY,
      stringify({
        apiVersion: 'example.com/v1alpha1',
        kind: 'Gadget',
        metadata: { name: 'g1' },
        spec: { level: 2 },
      }),
    )
    const out = await ok(['get', 'gadgets'])
    expect(out).toMatch(/^NAME\s+AGE$/m)
    expect(out).toMatch(/^g1\s+\d+s$/m)
  })

  it('keeps CRDs and custom objects across a sandbox restart', async () => {
    await sb.stop()
    sb = await startSandbox({ name: 'crdk', stateFile: join(stateDir, 'state.json') })
    await k.cleanup()
    k = await kubectlFor(sb)
    expect(await ok(['get', 'widgets', '-o', 'name'])).toBe(
      'widget.example.com/w1\nwidget.example.com/w2\nwidget.example.com/w3\n',
    )
    expect(await ok(['get', 'gadget', 'g1', '-o', 'jsonpath={.spec.level}'])).toBe('2')
  })

  it('deletes the custom objects with their CRD and stops serving the kind', async () => {
    // an object a custom object owns goes with it (garbage collection by ownerReferences)
    const uid = await ok(['get', 'widget', 'w1', '-o', 'jsonpath={.metadata.uid}'])
    const owned = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'owned',
        ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w1', uid }],
      },
    }
    await ok(APPLY, stringify(owned))
    const out = await ok(['delete', 'crd', 'widgets.example.com'])
    expect(out.trim()).toBe('customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted')
    // kubectl still has the kind in its discovery cache, so it asks and the server answers 404
    const err = await fails(['get', 'widgets'])
    expect(err).toContain(
      'Error from server (NotFound): Unable to list "example.com/v1, Resource=widgets": the server could not find the requested resource (get widgets.example.com)',
    )
    const fresh = await fails(['get', 'widgets', `--cache-dir=${join(stateDir, 'fresh-cache')}`])
    expect(fresh).toContain('the server doesn\'t have a resource type "widgets"')
    await eventually(async () => {
      const cm = await k.run(['get', 'configmap', 'owned'])
      expect(cm.stderr).toContain('configmaps "owned" not found')
    })
    await ok(APPLY, stringify(WIDGET_CRD))
    const r = await k.run(['get', 'widgets'])
    expect(r.stderr).toContain('No resources found in default namespace.')
  })
})
