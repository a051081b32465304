import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { applyEdits } from './edit-ops'
import type { EditOp } from './edit-ops'
import { FANCY_KUBECONFIG } from '../../../test/fixtures/kubeconfig'

const fancy = FANCY_KUBECONFIG

/** Lines of `before` missing from `after` and lines of `after` missing from `before` (by position-free diff). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n')
  const b = after.split('\n')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) }
}

function edit(ops: EditOp[], text = fancy): string {
  const result = applyEdits(text, ops)
  expect(result.preserved).toBe(true)
  return result.text
}

describe('applyEdits keeps untouched bytes', () => {
  it('switches current-context by changing one line', () => {
    const out = edit([{ op: 'setCurrentContext', name: 'prod-admin' }])
    expect(lineDiff(fancy, out)).toEqual({
      removed: ['current-context: dev'],
      added: ['current-context: prod-admin'],
    })
  })

  it('adds current-context at the end of the top-level map when missing', () => {
    const without = fancy.replace('current-context: dev\n', '')
    const out = edit([{ op: 'setCurrentContext', name: 'dev' }], without)
    expect(parse(out)['current-context']).toBe('dev')
    expect(out.startsWith(without.slice(0, without.indexOf('# trailing comment')))).toBe(true)
  })

  it('sets a namespace in a block map and in a flow map', () => {
    const a = edit([
      {
        op: 'setField',
        section: 'contexts',
        name: 'prod-admin',
        path: ['context', 'namespace'],
        value: 'ops',
      },
    ])
    expect(lineDiff(fancy, a)).toEqual({
      removed: ['        namespace: payments'],
      added: ['        namespace: ops'],
    })
    const b = edit([
      { op: 'setField', section: 'contexts', name: 'dev', path: ['context', 'namespace'], value: 'web' },
    ])
    expect(lineDiff(fancy, b)).toEqual({
      removed: ['    - context: {cluster: dev, user: alice}'],
      added: ['    - context: { cluster: dev, user: alice, namespace: web }'],
    })
  })

  it('adds a namespace line with the map indentation and removes it again', () => {
    const text = fancy.replace('        namespace: payments\n', '')
    const added = edit(
      [
        {
          op: 'setField',
          section: 'contexts',
          name: 'prod-admin',
          path: ['context', 'namespace'],
          value: 'x',
        },
      ],
      text,
    )
    expect(lineDiff(text, added)).toEqual({ removed: [], added: ['        namespace: x'] })
    const removed = edit(
      [
        {
          op: 'setField',
          section: 'contexts',
          name: 'prod-admin',
          path: ['context', 'namespace'],
          value: null,
        },
      ],
      added,
    )
    expect(removed).toBe(text)
  })

  it('renames a context by changing only its name scalar', () => {
    const out = edit([
      { op: 'setField', section: 'contexts', name: 'prod-admin', path: ['name'], value: 'prod' },
    ])
    expect(lineDiff(fancy, out)).toEqual({ removed: ['    - name: prod-admin'], added: ['    - name: prod'] })
  })

  it('deletes entries as whole lines', () => {
    const out = edit([
      { op: 'removeEntry', section: 'contexts', name: 'prod-admin' },
      { op: 'removeEntry', section: 'users', name: 'admin' },
    ])
    const ctxStart = fancy.indexOf('    - name: prod-admin')
    const ctxEnd = fancy.indexOf('current-context: dev')
    const userStart = fancy.indexOf('- name: admin')
    const userEnd = fancy.indexOf('# trailing comment')
    const expected = fancy.slice(0, ctxStart) + fancy.slice(ctxEnd, userStart) + fancy.slice(userEnd)
    expect(out).toBe(expected)
    expect(out).toContain('    # prod is dangerous\n')
  })

  it('appends and replaces entries without touching other lines', () => {
    const appended = edit([
      {
        op: 'putEntry',
        section: 'clusters',
        entry: { name: 'kind-a', cluster: { server: 'https://127.0.0.1:1' } },
      },
    ])
    expect(lineDiff(fancy, appended)).toEqual({
      removed: [],
      added: ['- name: kind-a', '  cluster:', '    server: https://127.0.0.1:1'],
    })
    const replaced = edit([
      {
        op: 'putEntry',
        section: 'contexts',
        entry: { name: 'dev', context: { cluster: 'prod', user: 'alice' } },
      },
    ])
    expect(lineDiff(fancy, replaced)).toEqual({
      removed: ['    - context: {cluster: dev, user: alice}', '      name: dev'],
      added: ['    - name: dev', '      context:', '        cluster: prod', '        user: alice'],
    })
  })

  it('creates a missing section', () => {
    const text = 'apiVersion: v1\nkind: Config\n# no lists yet\ncontexts: []\n'
    const out = edit(
      [
        { op: 'putEntry', section: 'contexts', entry: { name: 'a', context: { cluster: 'c', user: 'u' } } },
        { op: 'putEntry', section: 'users', entry: { name: 'u', user: { token: 't' } } },
      ],
      text,
    )
    expect(out).toBe(
      'apiVersion: v1\nkind: Config\n# no lists yet\ncontexts:\n- name: a\n  context:\n    cluster: c\n    user: u\n' +
        'users:\n- name: u\n  user:\n    token: t\n',
    )
  })

  it('quotes values kubectl (YAML 1.1) would misread', () => {
    const out = edit([{ op: 'setCurrentContext', name: 'yes' }])
    expect(out).toContain('current-context: "yes"\n')
  })

  it('fills an empty value in place', () => {
    const text = fancy
      .replace('current-context: dev', 'current-context:')
      .replace('namespace: payments', 'namespace:   # none')
    const out = edit(
      [
        { op: 'setCurrentContext', name: 'dev' },
        {
          op: 'setField',
          section: 'contexts',
          name: 'prod-admin',
          path: ['context', 'namespace'],
          value: 'x',
        },
      ],
      text,
    )
    expect(out).toBe(
      text
        .replace('current-context:\n', 'current-context: dev\n')
        .replace('namespace:   # none', 'namespace:   x # none'),
    )
  })

  it('keeps CRLF line ends', () => {
    const crlf = fancy.replace(/\n/g, '\r\n')
    const out = edit([{ op: 'setCurrentContext', name: 'prod-admin' }], crlf)
    expect(out).toBe(crlf.replace('current-context: dev', 'current-context: prod-admin'))
  })

  it('falls back to re-rendering for an empty document', () => {
    const result = applyEdits('', [{ op: 'setCurrentContext', name: 'a' }])
    expect(result.preserved).toBe(false)
    expect(parse(result.text)).toEqual({ 'current-context': 'a' })
  })
})
