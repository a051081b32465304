import type { EventRow, Row } from '@shared/rows'

/** Warnings before normal events, then the most recently seen first; ties by key, so churn keeps order. */
export function warningsFirst(a: Row, b: Row): number {
  const ea = a as EventRow
  const eb = b as EventRow
  const wa = ea.type === 'Warning' ? 0 : 1
  const wb = eb.type === 'Warning' ? 0 : 1
  if (wa !== wb) return wa - wb
  if (ea.lastSeen !== eb.lastSeen) return ea.lastSeen < eb.lastSeen ? 1 : -1
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}
