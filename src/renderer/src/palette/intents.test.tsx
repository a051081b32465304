// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, renderHook } from '@testing-library/react'
import { requestIntent, useIntent, type Intent } from './intents'

afterEach(cleanup)

const pod = { kind: 'pods', namespace: 'demo', name: 'web-1' } as const

describe('intents', () => {
  it('reach a view that mounts after the request, and only the view that accepts them', () => {
    requestIntent({ type: 'show-tab', tab: 'pods' }, { type: 'open-object', context: 'c', ref: pod })
    const tabs: string[] = []
    const opened: Intent[] = []
    // The deployments list mounts first and declines the pod; the pods list takes it.
    renderHook(() => useIntent('open-object', (i) => i.ref.kind === 'deployments' && (opened.push(i), true)))
    renderHook(() => useIntent('show-tab', (i) => (tabs.push(i.tab), true)))
    renderHook(() => useIntent('open-object', (i) => i.ref.kind === 'pods' && (opened.push(i), true)))
    expect(tabs).toEqual(['pods'])
    expect(opened).toEqual([{ type: 'open-object', context: 'c', ref: pod }])
    // Taken once: a list mounting later does not open it again.
    renderHook(() => useIntent('open-object', (i) => (opened.push(i), true)))
    expect(opened).toHaveLength(1)
  })

  it('go straight to a mounted view, and are not kept when it takes them', () => {
    const got: string[] = []
    renderHook(() => useIntent('new-cluster', () => (got.push('new'), true)))
    requestIntent({ type: 'new-cluster' })
    expect(got).toEqual(['new'])
  })
})

describe('intents and a reused view', () => {
  it('are offered again when the same view re-renders with other props', () => {
    const opened: string[] = []
    const view = renderHook(
      ({ kind }: { kind: string }) =>
        useIntent('open-object', (i) => i.ref.kind === kind && (opened.push(kind), true)),
      { initialProps: { kind: 'pods' } },
    )
    requestIntent({
      type: 'open-object',
      context: 'c',
      ref: { kind: 'deployments', namespace: 'd', name: 'web' },
    })
    expect(opened).toEqual([])
    view.rerender({ kind: 'deployments' })
    expect(opened).toEqual(['deployments'])
  })
})
