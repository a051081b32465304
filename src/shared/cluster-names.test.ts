import { describe, expect, it } from 'vitest'
import { clusterNameProblem } from './cluster-names'

const kind = (n: string): string | undefined => clusterNameProblem('kind', n)
const minikube = (n: string): string | undefined => clusterNameProblem('minikube', n)
const sandbox = (n: string): string | undefined => clusterNameProblem('sandbox', n)

describe('the cluster name rule', () => {
  it('kind: ^[a-z0-9.-]+$ with its own message', () => {
    for (const ok of ['demo', 'a', 'my.cluster-1', '0']) expect(kind(ok)).toBeUndefined()
    for (const bad of ['Demo', 'a_b', 'a b', 'x;rm -rf /', '$(id)']) {
      expect(kind(bad)).toContain('is not a valid cluster name')
    }
  })

  it('minikube: DNS-label-like, longer than one character, not reserved', () => {
    for (const ok of ['demo', 'Demo-2', 'a.b', 'ab']) expect(minikube(ok)).toBeUndefined()
    expect(minikube('a')).toMatch(/longer than 1/)
    expect(minikube('Delete')).toMatch(/reserved/)
    expect(minikube('logs')).toMatch(/reserved/)
    for (const bad of ['-ab', 'ab-', 'a..b', 'a_b', 'a;b', '`id`']) expect(minikube(bad)).toMatch(/not valid/)
  })

  it('sandbox: lowercase DNS label of at most 40', () => {
    expect(sandbox('dev-1')).toBeUndefined()
    expect(sandbox('Dev')).toBeDefined()
    expect(sandbox('a'.repeat(41))).toBeDefined()
    expect(sandbox('../etc')).toBeDefined()
  })

  it('every provider: a name is needed and at most 63 characters', () => {
    for (const p of ['kind', 'minikube', 'sandbox'] as const) {
      expect(clusterNameProblem(p, '')).toBe('A cluster needs a name.')
      expect(clusterNameProblem(p, 'a'.repeat(64))).toMatch(/at most 63/)
    }
  })
})
