// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { createElement, type ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, renderHook } from '@testing-library/react'
import type { ContextInfo } from '@shared/contract'
import { contextsKey } from '../contexts/useContexts'
import { useNamespaceSelection } from './namespace-selection'
import { contextInfo, contextsState } from '../../../../test/renderer/contexts'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

const ctx = contextInfo

/** The kubeconfig's contexts as the app holds them (no backend: the query is seeded and never stale). */
function withContexts(
  contexts: ContextInfo[],
  currentContext = 'kind-dev',
): (props: { children: ReactNode }) => ReactNode {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  client.setQueryData(contextsKey, contextsState(currentContext, contexts))
  return ({ children }) => createElement(QueryClientProvider, { client }, children)
}

describe('useNamespaceSelection', () => {
  it('remembers the choice per context in localStorage and shares it between components', () => {
    const wrapper = withContexts([ctx('kind-dev'), ctx('sandbox-x')])
    const a = renderHook(() => useNamespaceSelection('kind-dev'), { wrapper })
    const b = renderHook(() => useNamespaceSelection('kind-dev'), { wrapper })
    const other = renderHook(() => useNamespaceSelection('sandbox-x'), { wrapper })
    expect(a.result.current[0]).toEqual([])
    act(() => a.result.current[1](['shop', 'demo', 'demo']))
    expect(b.result.current[0]).toEqual(['demo', 'shop'])
    expect(other.result.current[0]).toEqual([])
    expect(JSON.parse(localStorage.getItem('skiff.namespaces.kind-dev') ?? 'null')).toEqual(['demo', 'shop'])
  })

  it('reads a stored choice and treats a damaged entry as all namespaces', () => {
    const wrapper = withContexts([ctx('stored', 'team'), ctx('broken', 'team')])
    localStorage.setItem('skiff.namespaces.stored', JSON.stringify(['apps']))
    localStorage.setItem('skiff.namespaces.broken', '{not json')
    expect(renderHook(() => useNamespaceSelection('stored'), { wrapper }).result.current[0]).toEqual(['apps'])
    expect(renderHook(() => useNamespaceSelection('broken'), { wrapper }).result.current[0]).toEqual([])
  })

  it('opens on the context’s own namespace until the first choice, then remembers even “all”', () => {
    // Fresh names: the selection store is module-wide, like the app's.
    const wrapper = withContexts([ctx('kind-team', 'team-b'), ctx('plain')], 'kind-team')
    const dev = renderHook(() => useNamespaceSelection('kind-team'), { wrapper })
    expect(dev.result.current[0]).toEqual(['team-b'])
    // No context given = the kubeconfig's current context.
    expect(renderHook(() => useNamespaceSelection(undefined), { wrapper }).result.current[0]).toEqual([
      'team-b',
    ])
    expect(renderHook(() => useNamespaceSelection('plain'), { wrapper }).result.current[0]).toEqual([])
    act(() => dev.result.current[1]([]))
    expect(dev.result.current[0]).toEqual([])
    expect(localStorage.getItem('skiff.namespaces.kind-team')).toBe('[]')
  })
})
