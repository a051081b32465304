import { describe, expect, it } from 'vitest'
import { resourceByKind } from '../api/resources'
import type { KObj } from '../types'
import { firstAfter } from './key-index'
import { Store } from './store'

const cm = resourceByKind('ConfigMap')
const obj = (namespace: string, name: string, data = 'x'): KObj =>
  ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data: { v: data },
  }) as unknown as KObj

describe('Store.sortedKeys', () => {
  it('orders keys by namespace/name, per namespace and across all', () => {
    const store = new Store()
    for (const [ns, name] of [
      ['b', 'z'],
      ['a', 'y'],
      ['b', 'a'],
      ['a', 'b'],
    ] as const)
      store.put(cm, obj(ns, name))
    expect(store.sortedKeys(cm).map((k) => k.key)).toEqual(['a/b', 'a/y', 'b/a', 'b/z'])
    expect(store.sortedKeys(cm, 'b').map((k) => k.name)).toEqual(['a', 'z'])
  })

  it('keeps the index across updates and rebuilds it when an object comes or goes', () => {
    const store = new Store()
    store.put(cm, obj('a', 'one'))
    const first = store.sortedKeys(cm, 'a')
    store.put(cm, obj('a', 'one', 'changed'))
    expect(store.sortedKeys(cm, 'a')).toBe(first)
    store.put(cm, obj('a', 'two'))
    expect(store.sortedKeys(cm, 'a').map((k) => k.name)).toEqual(['one', 'two'])
    store.remove(cm, 'a', 'one')
    expect(store.sortedKeys(cm, 'a').map((k) => k.name)).toEqual(['two'])
  })
})

describe('firstAfter', () => {
  it('finds the first key strictly after a given one, present or not', () => {
    const keys = ['a/1', 'a/3', 'b/2'].map((key) => ({ key, namespace: '', name: '' }))
    expect(firstAfter(keys, 'a/1')).toBe(1)
    expect(firstAfter(keys, 'a/2')).toBe(1)
    expect(firstAfter(keys, '')).toBe(0)
    expect(firstAfter(keys, 'b/2')).toBe(3)
  })
})
