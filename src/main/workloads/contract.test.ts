import { describe, expect, it } from 'vitest'
import { actionMethods, actionStreams } from '@shared/contract/actions'

describe('action contract schemas', () => {
  const scale = actionMethods['deployments.scale'].input
  it('refuses bad replica counts before any service runs', () => {
    const base = { namespace: 'default', name: 'web' }
    expect(scale.safeParse({ ...base, replicas: 3 }).data).toEqual({
      ...base,
      replicas: 3,
      kind: 'deployments',
    })
    const issues = (input: unknown): string[] =>
      scale.safeParse(input).error?.issues.map((i) => i.message) ?? []
    expect(issues({ ...base, replicas: -1 })).toEqual(['Replicas cannot be negative.'])
    expect(issues({ ...base, replicas: 2.5 })).toEqual(['Replicas must be a whole number.'])
    expect(issues({ ...base, replicas: 101 })).toEqual([`Scaling above 100 replicas needs a confirmation.`])
    expect(scale.safeParse({ ...base, replicas: 101, confirm: true }).success).toBe(true)
    expect(scale.safeParse({ ...base, replicas: 1, extra: 1 }).success).toBe(false)
    expect(scale.safeParse({ ...base, name: 'Bad_Name', replicas: 1 }).success).toBe(false)
  })

  it('defaults logs to follow and refuses a zero tail client-node cannot send', () => {
    const logs = actionStreams['logs.stream'].input
    expect(logs.parse({ namespace: 'default', pod: 'web-1' })).toEqual({
      namespace: 'default',
      pod: 'web-1',
      follow: true,
    })
    expect(logs.safeParse({ namespace: 'default', pod: 'web-1', tailLines: 0 }).success).toBe(false)
    expect(
      actionMethods['deployments.setImage'].input.safeParse({
        namespace: 'd',
        name: 'w',
        container: 'c',
        image: 'a b',
      }).success,
    ).toBe(false)
  })
})
