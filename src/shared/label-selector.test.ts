import { describe, expect, it } from 'vitest'
import { matchesSelector, parseLabelSelector, type Requirement } from './label-selector'

function parse(s: string): Requirement[] {
  const r = parseLabelSelector(s)
  if (!r.ok) throw new Error(r.message)
  return r.requirements
}

function error(s: string): string {
  const r = parseLabelSelector(s)
  if (r.ok) throw new Error(`expected "${s}" to be refused`)
  return r.message
}

describe('parseLabelSelector', () => {
  it('parses every operator kubectl accepts', () => {
    expect(parse('app=web,tier!=db,env in (a,b),!legacy,exists')).toEqual([
      { key: 'app', op: '=', value: 'web' },
      { key: 'tier', op: '!=', value: 'db' },
      { key: 'env', op: 'in', values: ['a', 'b'] },
      { key: 'legacy', op: 'notexists' },
      { key: 'exists', op: 'exists' },
    ])
    expect(parse('app==web, env notin (prod), gen>2, gen<5')).toEqual([
      { key: 'app', op: '=', value: 'web' },
      { key: 'env', op: 'notin', values: ['prod'] },
      { key: 'gen', op: '>', value: 2 },
      { key: 'gen', op: '<', value: 5 },
    ])
  })

  it('accepts prefixed keys, empty values and an empty selector', () => {
    expect(parse('app.kubernetes.io/name=web')).toEqual([
      { key: 'app.kubernetes.io/name', op: '=', value: 'web' },
    ])
    expect(parse('role=')).toEqual([{ key: 'role', op: '=', value: '' }])
    expect(parse('   ')).toEqual([])
  })

  it('refuses bad selectors with a message that says where', () => {
    expect(error('app=web,')).toMatch(/after the last ","/)
    expect(error('env in (a,b')).toMatch(/expected "," or "\)"/)
    expect(error('env in a')).toMatch(/expected "\(" after "in" at position 8/)
    expect(error('app=we b')).toMatch(/expected "," at position 8/)
    expect(error('-app=web')).toMatch(/key "-app"/)
    expect(error('app=web!')).toMatch(/Invalid label selector/)
    expect(error('app=' + 'x'.repeat(64))).toMatch(/longer than 63/)
    expect(error('Bad_Prefix/app=web')).toMatch(/prefix "Bad_Prefix"/)
    expect(error('gen>two')).toMatch(/integer/)
    expect(error('=web')).toMatch(/expected a label key at position 1/)
  })
})

describe('matchesSelector', () => {
  const labels = { app: 'web', tier: 'front', env: 'a', gen: '3' }
  it('matches as kubectl does', () => {
    expect(matchesSelector(parse('app=web,tier!=db,env in (a,b),!legacy,app'), labels)).toBe(true)
    expect(matchesSelector(parse('app=api'), labels)).toBe(false)
    expect(matchesSelector(parse('missing!=x'), labels)).toBe(true)
    expect(matchesSelector(parse('missing notin (x)'), labels)).toBe(true)
    expect(matchesSelector(parse('missing in (x)'), labels)).toBe(false)
    expect(matchesSelector(parse('!app'), labels)).toBe(false)
    expect(matchesSelector(parse('gen>2,gen<4'), labels)).toBe(true)
    expect(matchesSelector(parse('app>2'), labels)).toBe(false)
    expect(matchesSelector([], {})).toBe(true)
  })
})
