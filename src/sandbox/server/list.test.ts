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

  it('counts only matching items when a selector is given', () => {
    const store = new Store()
    for (let i = 0; i < 10; i++) put(store, `cm-${i}`, { even: String(i % 2 === 0) })
    const { names, remaining } = pageAll(store, 'limit=2&labelSelector=even%3Dtrue')
    expect(names).toEqual(['cm-0', 'cm-2', 'cm-4', 'cm-6', 'cm-8'])
    expect(remaining).toEqual([3, 1])
  })

  it('continues after the last key when items are added or removed between pages', () => {
    const store = new Store()
    for (let i = 0; i < 6; i++) put(store, `cm-${i}`)
    const { names } = pageAll(store, 'limit=2', (page) => {
      if (page === 0) {
        store.remove(cm, 'ns', 'cm-2')
        put(store, 'cm-0a') // sorts before the continue point: not seen, like the real server's current state
        put(store, 'cm-9')
      }
    })
    expect(names).toEqual(['cm-0', 'cm-1', 'cm-3', 'cm-4', 'cm-5', 'cm-9'])
  })
})
