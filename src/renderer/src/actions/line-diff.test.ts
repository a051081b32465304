import { describe, expect, it } from 'vitest'
import { diffLines } from './line-diff'
import { podDotState } from './pod-state'

describe('diffLines', () => {
  it('aligns unchanged lines and pairs a replaced line', () => {
    const a = 'spec:\n  containers:\n  - image: nginx:1.25\n    name: web\n'
    const b = 'spec:\n  containers:\n  - image: nginx:1.27\n    name: web\n  restartPolicy: Always\n'
    expect(diffLines(a, b)).toEqual([
      { left: 'spec:', right: 'spec:', kind: 'same' },
      { left: '  containers:', right: '  containers:', kind: 'same' },
      { left: '  - image: nginx:1.25', right: '  - image: nginx:1.27', kind: 'changed' },
      { left: '    name: web', right: '    name: web', kind: 'same' },
      { right: '  restartPolicy: Always', kind: 'added' },
    ])
  })

  it('reports removals on the left only', () => {
    expect(diffLines('a\nb\nc', 'a\nc')).toEqual([
      { left: 'a', right: 'a', kind: 'same' },
      { left: 'b', kind: 'removed' },
      { left: 'c', right: 'c', kind: 'same' },
    ])
  })
})

describe('podDotState', () => {
  it('buckets kubectl status words', () => {
    const p = (status: string, phase: string, ready = '0/1', deleting = false) => ({
      status,
      phase,
      ready,
      deleting,
    })
    expect(podDotState(p('Running', 'Running', '1/1'))).toBe('running')
    expect(podDotState(p('Running', 'Running', '0/1'))).toBe('pending')
    expect(podDotState(p('ContainerCreating', 'Pending'))).toBe('pending')
    expect(podDotState(p('ImagePullBackOff', 'Pending'))).toBe('failed')
    expect(podDotState(p('Running', 'Running', '1/1', true))).toBe('terminating')
    expect(podDotState(p('Completed', 'Succeeded'))).toBe('succeeded')
  })
})
