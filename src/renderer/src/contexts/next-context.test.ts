import { describe, expect, it } from 'vitest'
import type { ContextInfo } from '@shared/contract'
import { nextContextAfter } from './next-context'

const ctx = (name: string): ContextInfo => ({
  name,
  cluster: name,
  server: '',
  user: name,
  namespace: '',
  file: '/k',
  isCurrent: false,
})

describe('nextContextAfter', () => {
  const list = ['a', 'b', 'c'].map(ctx)
  it('offers the context listed after the removed one', () => {
    expect(nextContextAfter(list, 'b')).toBe('c')
  })
  it('offers the one before when the last goes', () => {
    expect(nextContextAfter(list, 'c')).toBe('b')
  })
  it('offers the first when the removed one is not listed (already gone)', () => {
    expect(nextContextAfter(list, 'zz')).toBe('a')
  })
  it('offers nothing when no other context is left', () => {
    expect(nextContextAfter([ctx('only')], 'only')).toBeUndefined()
  })
})
