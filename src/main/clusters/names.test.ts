import { describe, expect, it } from 'vitest'
import { validateClusterName, validateKindName, validateMinikubeName, validateSandboxName } from './names'

describe('cluster name rules', () => {
  it('kind: ^[a-z0-9.-]+$ with its own message', () => {
    for (const ok of ['demo', 'a', 'my.cluster-1', '0']) expect(validateKindName(ok)).toBeUndefined()
    for (const bad of ['', 'Demo', 'a_b', 'a b', 'x;rm -rf /', '$(id)']) {
      expect(validateKindName(bad)).toContain('is not a valid cluster name')
    }
  })

  it('minikube: DNS-label-like, longer than one character, not reserved', () => {
    for (const ok of ['demo', 'Demo-2', 'a.b', 'ab']) expect(validateMinikubeName(ok)).toBeUndefined()
    expect(validateMinikubeName('a')).toMatch(/longer than 1/)
    expect(validateMinikubeName('Delete')).toMatch(/reserved/)
    expect(validateMinikubeName('logs')).toMatch(/reserved/)
    for (const bad of ['-ab', 'ab-', 'a..b', 'a_b', 'a;b', '`id`'])
      expect(validateMinikubeName(bad)).toMatch(/not valid/)
  })

  it('sandbox: lowercase DNS label', () => {
    expect(validateSandboxName('dev-1')).toBeUndefined()
    expect(validateSandboxName('Dev')).toBeDefined()
    expect(validateSandboxName('a'.repeat(41))).toBeDefined()
    expect(validateClusterName('sandbox', '../etc')).toBeDefined()
    expect(validateClusterName('kind', 'ok')).toBeUndefined()
  })
})
