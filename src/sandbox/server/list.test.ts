import { describe, expect, it } from 'vitest'
import { resourceByKind } from '../api/resources'
import { Store } from '../store/store'
import type { KObj } from '../types'
import { listPage } from './list'

const cm = resourceByKind('ConfigMap')
const put = (store: Store, name: string, labels: Record<string, string> = {}): void =>
  void store.put(cm, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'ns', labels },
  } as unknown as KObj)

function pageAll(
  store: Store,
  query: string,
  between?: (page: number) => void,
): { names: string[]; remaining: number[] } {
  const names: string[] = []
  const remaining: number[] = []
  let cont = ''
  for (let page = 0; ; page++) {
    const p = listPage(store, cm, 'ns', new URLSearchParams(`${query}${cont ? `&continue=${cont}` : ''}`))
    names.push(...p.entries.map((e) => e.obj.metadata.name))
    if (!p.continueToken) break
    remaining.push(p.remaining ?? -1)
    cont = p.continueToken
    between?.(page)
  }
  return { names, remaining }
}

describe('listPage with limit and continue', () => {
  it('returns every item once, in key order, with the count that remains', () => {
    const store = new Store()
    const names = Array.from({ length: 1000 }, (_, i) => `cm-${String(i).padStart(4, '0')}`)
    for (const n of [...names].reverse()) put(store, n)
    const { names: got, remaining } = pageAll(store, 'limit=300')
    expect(got).toEqual(names)
    expect(remaining).toEqual([700, 400, 100])
  })

  it('pages by matching items when a selector is given, without a remainingItemCount (etcd counts keys)', () => {
    const store = new Store()
    for (let i = 0; i < 10; i++) put(store, `cm-${i}`, { even: String(i % 2 === 0) })
    const { names, remaining } = pageAll(store, 'limit=2&labelSelector=even%3Dtrue')
    expect(names).toEqual(['cm-0', 'cm-2', 'cm-4', 'cm-6', 'cm-8'])
    expect(remaining).toEqual([-1, -1])
  })

  it('serves every page from the first page’s resourceVersion, whatever changes between pages', () => {
    const store = new Store()
    for (let i = 0; i < 6; i++) put(store, `cm-${i}`)
    const first = listPage(store, cm, 'ns', new URLSearchParams('limit=2'))
    store.remove(cm, 'ns', 'cm-2')
    put(store, 'cm-0a')
    put(store, 'cm-9')
    put(store, 'cm-3', { changed: 'yes' })
    const seen: KObj[] = []
    const remaining: number[] = []
    let cont = first.continueToken
    while (cont) {
      const p = listPage(store, cm, 'ns', new URLSearchParams(`limit=2&continue=${cont}`))
      expect(p.resourceVersion).toBe(first.resourceVersion)
      seen.push(...p.entries.map((e) => e.obj))
      if (p.continueToken) remaining.push(p.remaining ?? -1)
      cont = p.continueToken
    }
    // cm-2 as it was, cm-3 without the later label, nothing created after the first page.
    expect(seen.map((o) => o.metadata.name)).toEqual(['cm-2', 'cm-3', 'cm-4', 'cm-5'])
    expect(seen[1]?.metadata.labels).toEqual({})
    expect(first.remaining).toBe(4)
    expect(remaining).toEqual([2])
    // A new list sees the current state.
    expect(pageAll(store, 'limit=100').names).toEqual([
      'cm-0',
      'cm-0a',
      'cm-1',
      'cm-3',
      'cm-4',
      'cm-5',
      'cm-9',
    ])
  })

  it('answers 410 Expired once the history no longer reaches the token’s resourceVersion', () => {
    const store = new Store(10)
    for (let i = 0; i < 5; i++) put(store, `cm-${i}`)
    const first = listPage(store, cm, 'ns', new URLSearchParams('limit=2'))
    for (let i = 0; i < 20; i++) put(store, 'churn', { n: String(i) })
    const next = (): unknown =>
      listPage(store, cm, 'ns', new URLSearchParams(`limit=2&continue=${first.continueToken ?? ''}`))
    expect(next).toThrow(/continue parameter is too old/)
  })
})

describe('listPage with resourceVersion and resourceVersionMatch', () => {
  const list = (store: Store, query: string): string[] =>
    listPage(store, cm, 'ns', new URLSearchParams(query)).entries.map((e) => e.obj.metadata.name)
  const status = (store: Store, query: string): { code: number; message: string } => {
    try {
      listPage(store, cm, 'ns', new URLSearchParams(query))
    } catch (err) {
      const body = (err as { body: { code: number; message: string } }).body
      return { code: body.code, message: body.message }
    }
    throw new Error('no error')
  }

  it('reads exactly a past state with Exact (and with a limit, the legacy reading), the newest otherwise', () => {
    const store = new Store()
    put(store, 'a')
    const rv = store.resourceVersion
    put(store, 'b')
    store.remove(cm, 'ns', 'a')
    expect(list(store, `resourceVersion=${rv}&resourceVersionMatch=Exact`)).toEqual(['a'])
    expect(list(store, `resourceVersion=${rv}&limit=10`)).toEqual(['a'])
    expect(list(store, `resourceVersion=${rv}&resourceVersionMatch=NotOlderThan&limit=10`)).toEqual(['b'])
    expect(list(store, `resourceVersion=${rv}`)).toEqual(['b'])
    expect(list(store, 'resourceVersion=0&limit=10')).toEqual(['b'])
    expect(
      listPage(store, cm, 'ns', new URLSearchParams(`resourceVersion=${rv}&limit=10`)).resourceVersion,
    ).toBe(String(rv))
  })

  it('refuses what kube-apiserver refuses', () => {
    const store = new Store(2)
    for (let i = 0; i < 10; i++) put(store, `cm-${i}`)
    const token = listPage(store, cm, 'ns', new URLSearchParams('limit=2')).continueToken ?? ''
    expect(status(store, 'resourceVersionMatch=Exact')).toEqual({
      code: 422,
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    })
    expect(status(store, 'resourceVersion=0&resourceVersionMatch=Exact').message).toContain(
      'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
    )
    expect(status(store, 'resourceVersion=1&resourceVersionMatch=Newest').message).toContain(
      'Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""',
    )
    expect(
      status(store, `resourceVersionMatch=NotOlderThan&resourceVersion=1&continue=${token}`).message,
    ).toContain('resourceVersionMatch is forbidden when continue is provided')
    expect(status(store, `resourceVersion=3&continue=${token}`)).toEqual({
      code: 400,
      message: 'specifying resource version is not allowed when using continue',
    })
    expect(status(store, 'resourceVersion=2&resourceVersionMatch=Exact')).toEqual({
      code: 410,
      message: 'The resourceVersion for the provided list is too old.',
    })
    expect(status(store, `resourceVersion=${store.resourceVersion + 5}`)).toEqual({
      code: 504,
      message: `Too large resource version: ${store.resourceVersion + 5}, current: ${store.resourceVersion}`,
    })
  })
})
