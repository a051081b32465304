import { describe, expect, it } from 'vitest'
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  selectorFromSpec,
  selectorToString,
} from './selectors'

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front' }
  const match = (sel: string, l: Record<string, string> | undefined = labels): boolean =>
    matchesLabels(parseLabelSelector(sel), l)

  it('supports =, ==, !=, in, notin, exists and !exists', () => {
    expect(match('app=web')).toBe(true)
    expect(match('app==web,tier=front')).toBe(true)
    expect(match('app!=web')).toBe(false)
    expect(match('tier in (back, front)')).toBe(true)
    expect(match('tier notin (front)')).toBe(false)
    expect(match('tier notin (front)', {})).toBe(true)
    expect(match('app')).toBe(true)
    expect(match('!app')).toBe(false)
    expect(match('')).toBe(true)
  })

  it('rejects garbage with a BadRequest', () => {
    expect(() => parseLabelSelector('a b c')).toThrow('unable to parse requirement')
  })

  it('converts LabelSelector specs both ways', () => {
    const spec = {
      matchLabels: { b: '2', a: '1' },
      matchExpressions: [{ key: 'c', operator: 'In', values: ['x', 'y'] }],
    }
    expect(selectorToString(spec)).toBe('a=1,b=2,c in (x,y)')
    expect(matchesLabels(selectorFromSpec(spec), { a: '1', b: '2', c: 'y' })).toBe(true)
    expect(matchesLabels(selectorFromSpec(spec), { a: '1', b: '2', c: 'z' })).toBe(false)
  })
})

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'p', namespace: 'ns' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Running' },
  }

  it('matches =, == and != on supported fields', () => {
    const reqs = parseFieldSelector('metadata.name=p,status.phase!=Pending,spec.nodeName==n1', [
      'status.phase',
      'spec.nodeName',
    ])
    expect(matchesFields(reqs, pod)).toBe(true)
    expect(matchesFields(parseFieldSelector('metadata.namespace=other', []), pod)).toBe(false)
  })

  it('refuses unsupported fields like the API server', () => {
    expect(() => parseFieldSelector('spec.bogus=1', ['status.phase'])).toThrow(
      'field label not supported: spec.bogus',
    )
  })
})
