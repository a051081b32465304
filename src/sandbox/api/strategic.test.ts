import { describe, expect, it } from 'vitest'
import { strategicMergeTyped } from './strategic'

// Strategic merge patch directives against the Deployment schema (client-node's V1Deployment).
const base = {
  metadata: { name: 'web', finalizers: ['a', 'b'], labels: { app: 'web' } },
  spec: {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: {
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 80 }],
          },
          { name: 'side', image: 'busybox' },
        ],
        tolerations: [{ key: 'x' }],
      },
    },
  },
}
interface Merged {
  metadata: { finalizers?: string[] }
  spec: {
    strategy: unknown
    template: {
      spec: { containers: Array<{ name: string; image?: string; env?: unknown[] }>; tolerations: unknown[] }
    }
  }
}
const merge = (patch: unknown): Merged =>
  strategicMergeTyped('V1Deployment', structuredClone(base), patch) as Merged

describe('strategic merge patch', () => {
  it('merges containers and env by name, replaces atomic lists', () => {
    const out = merge({
      spec: {
        template: {
          spec: {
            containers: [{ name: 'web', env: [{ name: 'C', value: '3' }] }],
            tolerations: [{ key: 'y' }],
          },
        },
      },
    })
    const [web, side] = out.spec.template.spec.containers
    if (!web) throw new Error('web container missing')
    expect(web.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
      { name: 'C', value: '3' },
    ])
    expect(web.image).toBe('nginx')
    expect(side).toEqual({ name: 'side', image: 'busybox' })
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'y' }])
  })

  it('honours $patch: delete and replace and $setElementOrder', () => {
    const out = merge({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }],
            containers: [{ name: 'web', env: [{ name: 'A', $patch: 'delete' }] }],
          },
        },
      },
    })
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['side', 'web'])
    expect(out.spec.template.spec.containers[1]?.env).toEqual([{ name: 'B', value: '2' }])
    const replaced = merge({
      spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } } },
    })
    expect(replaced.spec.template.spec.containers).toEqual([{ name: 'only', image: 'x' }])
  })

  it('keeps only $retainKeys in a struct and edits primitive sets', () => {
    const out = merge({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } },
    })
    expect(out.spec.strategy).toEqual({ type: 'Recreate' })
    expect(out.metadata.finalizers).toEqual(['b'])
    expect(merge({ metadata: { finalizers: ['c', 'a'] } }).metadata.finalizers).toEqual(['a', 'b', 'c'])
  })

  it('requires the merge key in each patched element', () => {
    expect(() => merge({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } })).toThrow(
      'does not contain declared merge key: name',
    )
  })
})
