// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, renderHook } from '@testing-library/react'
import { useNamespaceSelection } from './namespace-selection'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

describe('useNamespaceSelection', () => {
  it('remembers the choice per context in localStorage and shares it between components', () => {
    const a = renderHook(() => useNamespaceSelection('kind-dev'))
    const b = renderHook(() => useNamespaceSelection('kind-dev'))
    const other = renderHook(() => useNamespaceSelection('sandbox-x'))
    expect(a.result.current[0]).toEqual([])
    act(() => a.result.current[1](['shop', 'demo', 'demo']))
    expect(b.result.current[0]).toEqual(['demo', 'shop'])
    expect(other.result.current[0]).toEqual([])
    expect(JSON.parse(localStorage.getItem('skiff.namespaces.kind-dev') ?? 'null')).toEqual(['demo', 'shop'])
  })

  it('reads a stored choice and treats a damaged entry as all namespaces', () => {
    localStorage.setItem('skiff.namespaces.stored', JSON.stringify(['apps']))
    localStorage.setItem('skiff.namespaces.broken', '{not json')
    expect(renderHook(() => useNamespaceSelection('stored')).result.current[0]).toEqual(['apps'])
    expect(renderHook(() => useNamespaceSelection('broken')).result.current[0]).toEqual([])
  })
})
