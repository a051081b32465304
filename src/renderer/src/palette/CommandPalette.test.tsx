// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useSyncExternalStore } from 'react'
import type { CommandPalette as CommandPaletteType } from './CommandPalette'
import { openPalette } from './open'
import { registerPaletteProvider } from './registry'
import type { PaletteEntry } from './types'
import { pendingCallBridge } from '../../../../test/renderer/fake-bridge'

/** A provider whose data arrives when the test says so, like the kubeconfig's contexts on a cold start. */
let loaded = false
const listeners = new Set<() => void>()
const subscribe = (l: () => void): (() => void) => (listeners.add(l), () => listeners.delete(l))
function arrive(): void {
  loaded = true
  for (const l of listeners) l()
}
const ran: string[] = []
const entry = (title: string): PaletteEntry => ({
  id: `context:${title}`,
  group: 'Switch context',
  title,
  run: ({ viewOnly }) => void ran.push(`${title}${viewOnly ? ' (view only)' : ''}`),
})

let CommandPalette: typeof CommandPaletteType
beforeAll(async () => {
  window.bridge = pendingCallBridge().bridge
  ;({ CommandPalette } = await import('./CommandPalette'))
  registerPaletteProvider({
    id: 'views',
    order: 20,
    useEntries: () => [entry('Workloads'), entry('PodDisruptionBudgets')],
  })
  registerPaletteProvider({
    id: 'contexts',
    order: 30,
    useEntries: () => (useSyncExternalStore(subscribe, () => loaded) ? [entry('alpha'), entry('beta')] : []),
    useLoading: () => (useSyncExternalStore(subscribe, () => loaded) ? undefined : 'contexts'),
  })
})
afterEach(() => {
  cleanup()
  loaded = false
  ran.length = 0
})

function typeAndEnter(text: string, shiftKey = false): void {
  const input = screen.getByRole('combobox')
  fireEvent.change(input, { target: { value: text } })
  fireEvent.keyDown(input, { key: 'Enter', shiftKey })
}

describe('command palette', () => {
  it('runs Enter pressed before the contexts arrive on the best match once they do', () => {
    // "bet" matches PodDisruptionBudgets only by its letters in order: a weak match waits for the load too.
    render(<CommandPalette />)
    act(() => openPalette())
    typeAndEnter('bet')
    // Nothing matches yet: the palette says what it waits for, stays open and runs nothing.
    expect(screen.getByText(/Loading contexts… Enter runs the first match when they arrive/)).toBeTruthy()
    expect(screen.queryByText(/Nothing matches/)).toBeNull()
    expect(ran).toEqual([])
    expect(screen.getByRole('option', { name: /PodDisruptionBudgets/ })).toBeTruthy()
    act(() => arrive())
    expect(ran).toEqual(['beta'])
    expect(screen.queryByRole('combobox')).toBeNull()
  })

  it('keeps Shift for a queued Enter, and typing again cancels it', () => {
    render(<CommandPalette />)
    act(() => openPalette())
    typeAndEnter('bet', true)
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'alp' } })
    act(() => arrive())
    expect(ran).toEqual([])
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter', shiftKey: true })
    expect(ran).toEqual(['alpha (view only)'])
  })

  it('runs a match at once while other results still load, and says nothing matches once all have', () => {
    render(<CommandPalette />)
    act(() => openPalette())
    typeAndEnter('work')
    expect(ran).toEqual(['Workloads'])
    act(() => openPalette())
    act(() => arrive())
    typeAndEnter('zzz')
    expect(ran).toEqual(['Workloads'])
    expect(screen.getByText('Nothing matches “zzz”.')).toBeTruthy()
  })
})
