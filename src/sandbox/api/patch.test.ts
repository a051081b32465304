import { describe, expect, it } from 'vitest'
import { applyPatchByType, mergePatch, strategicMerge } from './patch'

const deployment = {
  metadata: { annotations: { a: '1', b: '2' } },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1', env: [{ name: 'X', value: '1' }], ports: [{ containerPort: 80 }] },
          { name: 'side', image: 'busybox' },
        ],
      },
    },
  },
}

describe('patches', () => {
  it('merge patch replaces lists and deletes on null', () => {
    expect(mergePatch({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { c: null } })).toEqual({
      a: [3],
      b: { d: 2 },
    })
  })

  it('strategic merge merges containers by name and env by name (kubectl set image)', () => {
    const out = strategicMerge(deployment, {
      metadata: { annotations: { a: null, c: '3' } },
      spec: {
        template: {
          spec: { containers: [{ name: 'web', image: 'nginx:2', env: [{ name: 'Y', value: '2' }] }] },
        },
      },
    }) as typeof deployment
    expect(out.metadata.annotations).toEqual({ b: '2', c: '3' })
    const [web, side] = out.spec.template.spec.containers
    expect(web).toEqual({
      name: 'web',
      image: 'nginx:2',
      env: [
        { name: 'X', value: '1' },
        { name: 'Y', value: '2' },
      ],
      ports: [{ containerPort: 80 }],
    })
    expect(side).toEqual({ name: 'side', image: 'busybox' })
  })

  it('strategic merge honours $patch: delete and ignores $setElementOrder directives', () => {
    const out = strategicMerge(deployment, {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'web' }],
            containers: [{ name: 'side', $patch: 'delete' }],
          },
        },
      },
    }) as typeof deployment
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['web'])
  })

  it('JSON patch applies ops and rejects non-arrays and failing ops', () => {
    expect(
      applyPatchByType('application/json-patch+json', { a: 1 }, [{ op: 'replace', path: '/a', value: 2 }]),
    ).toEqual({
      a: 2,
    })
    expect(() => applyPatchByType('application/json-patch+json', { a: 1 }, { a: 2 })).toThrow()
    expect(() =>
      applyPatchByType('application/json-patch+json', { a: 1 }, [
        { op: 'replace', path: '/missing/x', value: 2 },
      ]),
    ).toThrow()
    expect(() => applyPatchByType('text/plain', {}, {})).toThrow('unknown format')
  })
})
