import { describe, expect, it } from 'vitest'
import { editConflicts, editableParts, mergePatch, missingIn } from './edit-patch'

const base = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    labels: { app: 'web', tier: 'front' },
    resourceVersion: '10',
    managedFields: [{}],
  },
  spec: {
    replicas: 2,
    template: {
      spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
    },
  },
  status: { readyReplicas: 2 },
}

describe('mergePatch (edit → minimal patch)', () => {
  it('is empty when nothing changed, whatever the bookkeeping says', () => {
    const later = {
      ...base,
      metadata: { ...base.metadata, resourceVersion: '99' },
      status: { readyReplicas: 0 },
    }
    expect(mergePatch(editableParts(base), editableParts(later))).toEqual({})
  })

  it('carries only the changed leaf, and lists whole', () => {
    const edited = structuredClone(base)
    edited.spec.template.spec.containers[0]!.image = 'nginx:1.27'
    expect(mergePatch(editableParts(base), editableParts(edited))).toEqual({
      spec: {
        template: {
          spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
        },
      },
    })
  })

  it('writes null for what was removed and the value for what was added', () => {
    const edited = structuredClone(base)
    const labels: Record<string, string> = { app: 'web', env: 'dev' }
    Object.assign(edited.metadata, { labels })
    expect(mergePatch(editableParts(base), editableParts(edited))).toEqual({
      metadata: { labels: { tier: null, env: 'dev' } },
    })
  })
})

describe('editConflicts', () => {
  const edited = structuredClone(base)
  edited.spec.replicas = 5
  const patch = mergePatch(editableParts(base), editableParts(edited))

  it('ignores changes made meanwhile to other fields (status, labels)', () => {
    const current = structuredClone(base)
    current.status.readyReplicas = 1
    current.metadata.labels.tier = 'back'
    expect(editConflicts(patch, editableParts(base), editableParts(current))).toEqual([])
  })

  it('reports the same field changed by someone else, with base, theirs and yours', () => {
    const current = structuredClone(base)
    current.spec.replicas = 3
    expect(editConflicts(patch, editableParts(base), editableParts(current))).toEqual([
      { path: ['spec', 'replicas'], base: 2, theirs: 3, yours: 5 },
    ])
  })

  it('is no conflict when they made the very same change', () => {
    const current = structuredClone(base)
    current.spec.replicas = 5
    expect(editConflicts(patch, editableParts(base), editableParts(current))).toEqual([])
  })
})

describe('missingIn (fields the server did not keep)', () => {
  it('names unknown fields dropped inside lists and objects, and ignores defaults the server added', () => {
    const patch = {
      spec: { bogus: 1, template: { spec: { containers: [{ name: 'web', image: 'x', colour: 'red' }] } } },
    }
    const result = {
      spec: {
        replicas: 1,
        template: { spec: { containers: [{ name: 'web', image: 'x', imagePullPolicy: 'Always' }] } },
      },
    }
    expect(missingIn(patch, result)).toEqual(['spec.bogus', 'spec.template.spec.containers[0].colour'])
  })
})
