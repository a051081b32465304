import { describe, expect, it } from 'vitest'
import type { PodRow } from '@shared/rows'
import { replacementPod } from './replacement'

const pod = (name: string, phase: string, owner?: string, namespace = 'default'): PodRow =>
  ({
    kind: 'pods',
    key: `${namespace}/${name}`,
    name,
    namespace,
    phase,
    ...(owner ? { owner: { kind: 'ReplicaSet', name: owner } } : {}),
  }) as PodRow

describe('replacementPod', () => {
  const owner = { kind: 'ReplicaSet', name: 'web-1' }
  it('keeps the same pod while it exists', () => {
    expect(
      replacementPod([pod('web-a', 'Running', 'web-1')], { namespace: 'default', name: 'web-a', owner }),
    ).toBe('web-a')
  })
  it('moves to a running sibling of the same owner and namespace when the pod is gone', () => {
    const pods = [
      pod('web-b', 'Pending', 'web-1'),
      pod('other', 'Running', 'api-1'),
      pod('web-c', 'Running', 'web-1', 'staging'),
      pod('web-d', 'Running', 'web-1'),
    ]
    expect(replacementPod(pods, { namespace: 'default', name: 'web-a', owner })).toBe('web-d')
  })
  it('falls back to the same name when nothing replaces it', () => {
    expect(replacementPod([], { namespace: 'default', name: 'solo' })).toBe('solo')
  })
})
