import type { EventRow } from '@shared/rows'
import { baseFields } from './base'
import type { WireEvent } from './wire'

/** Port of kubectl's printEvent: timestamps fall back first → eventTime, last → first; series wins. */
export function eventRow(e: WireEvent): EventRow {
  const firstSeen = e.firstTimestamp || e.eventTime || ''
  let lastSeen = e.lastTimestamp || firstSeen
  let count = e.count ?? 0
  if (e.series) {
    lastSeen = e.series.lastObservedTime || lastSeen
    count = e.series.count ?? count
  } else if (count === 0) {
    count = 1 // singleton events of the events.k8s.io API carry no count
  }
  const inv = e.involvedObject ?? {}
  const kind = (inv.kind ?? '').toLowerCase()
  const component = e.source?.component || e.reportingComponent || ''
  const instance = e.source?.host || e.reportingInstance || ''
  const b = baseFields(e)
  return {
    kind: 'events',
    key: b.key,
    name: b.name,
    namespace: b.namespace,
    uid: b.uid,
    createdAt: b.createdAt,
    labels: b.labels,
    deleting: b.deleting,
    lastSeen,
    firstSeen,
    type: e.type ?? '',
    reason: e.reason ?? '',
    object: inv.name ? `${kind}/${inv.name}` : kind,
    subobject: inv.fieldPath ?? '',
    source: instance ? `${component}, ${instance}` : component,
    message: (e.message ?? '').trim(),
    count,
  }
}
