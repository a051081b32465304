import { describe, expect, it } from 'vitest'
import type { EventRow } from '@shared/rows'
import { warningsFirst } from './event-order'

const ev = (key: string, type: string, lastSeen: string): EventRow => ({
  kind: 'events',
  key,
  name: key,
  namespace: 'demo',
  uid: key,
  createdAt: lastSeen,
  labels: {},
  lastSeen,
  firstSeen: lastSeen,
  type,
  reason: 'R',
  object: 'pod/x',
  subobject: '',
  source: '',
  message: '',
  count: 1,
})

describe('events order', () => {
  it('puts every warning before normal events, each newest first', () => {
    const rows = [
      ev('a', 'Normal', '2026-01-01T00:00:09Z'),
      ev('b', 'Warning', '2026-01-01T00:00:01Z'),
      ev('c', 'Normal', '2026-01-01T00:00:05Z'),
      ev('d', 'Warning', '2026-01-01T00:00:07Z'),
    ]
    expect(rows.sort(warningsFirst).map((r) => r.key)).toEqual(['d', 'b', 'a', 'c'])
  })
})
