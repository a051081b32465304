import { describe, expect, it } from 'vitest'
import { writeCalls } from './write-calls'

describe('writeCalls', () => {
  it('judges each write on its own: inline, through a declared object, and raw requests', () => {
    const src = [
      'api.patchNamespacedDeployment({ name, namespace, body, fieldManager: FIELD_MANAGER }, smp)',
      'api.createNamespacedJob({ namespace, body })',
      'const request = { name, body: { spec: {} }, fieldManager: FIELD_MANAGER }',
      'apps.patchNamespacedDeploymentScale(request, options)',
      'const bare = { name, body, fieldManager: FIELD_MANAGER }',
      'const bare = { name, body }',
      'apps.patchNamespacedStatefulSetScale(bare, options)',
      "rest({ method: 'PATCH', path, query: { fieldManager: 'skiff' } })",
      "rest({ method: 'POST', path, body })",
      'doc.createNode(entry)',
    ].join('\n')
    expect(writeCalls(src).map((c) => [c.line, c.call, c.namesManager])).toEqual([
      [1, '.patchNamespacedDeployment', true],
      [2, '.createNamespacedJob', false],
      [4, '.patchNamespacedDeploymentScale', true],
      [7, '.patchNamespacedStatefulSetScale', false],
      [8, "method: 'PATCH'", true],
      [9, "method: 'POST'", false],
    ])
  })
})
