import { describe, expect, it } from 'vitest'
import { formatLabelSelector } from './format-selector'

describe('formatLabelSelector (kubectl: LabelSelectorAsSelector(...).String())', () => {
  it('sorts requirements by key and the values of in/notin', () => {
    expect(
      formatLabelSelector({
        matchLabels: { tier: 'web', app: 'shop' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'zone', operator: 'NotIn', values: ['b', 'a'] },
          { key: 'legacy', operator: 'DoesNotExist' },
          { key: 'canary', operator: 'Exists' },
        ],
      }),
    ).toBe('app=shop,canary,env in (dev,prod),!legacy,tier=web,zone notin (a,b)')
  })

  it('keeps a label before an expression on the same key, and prints nothing for no selector', () => {
    expect(
      formatLabelSelector({
        matchLabels: { app: 'a' },
        matchExpressions: [{ key: 'app', operator: 'Exists' }],
      }),
    ).toBe('app=a,app')
    expect(formatLabelSelector(undefined)).toBe('')
    expect(formatLabelSelector({})).toBe('')
  })
})
