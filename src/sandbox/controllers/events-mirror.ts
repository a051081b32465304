import { findResource, resourceByKind } from '../api/resources'
import type { KObj } from '../types'
import { isRecord } from '../types'
import type { Sync } from './index'

// Serves every core/v1 Event also as an events.k8s.io/v1 Event, as the API server does through conversion.
const modernDef = findResource('events.k8s.io', 'v1', 'events')

function microTime(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.replace(/Z$/, '.000000Z') : null
}

export function toEventsV1(e: KObj): KObj {
  const source = isRecord(e.source) ? e.source : {}
  return {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { ...e.metadata },
    eventTime: microTime(e.eventTime) ?? microTime(e.firstTimestamp),
    reportingController:
      (e.reportingComponent as string | undefined) || (source.component as string | undefined) || '',
    reportingInstance: (e.reportingInstance as string | undefined) ?? '',
    action: e.action ?? '',
    reason: e.reason,
    regarding: e.involvedObject,
    note: e.message,
    type: e.type,
    deprecatedSource: source,
    deprecatedFirstTimestamp: e.firstTimestamp ?? null,
    deprecatedLastTimestamp: e.lastTimestamp ?? null,
    deprecatedCount: e.count ?? 1,
  }
}

export function mirrorEvent(sync: Sync, ns: string, name: string): void {
  if (!modernDef) return
  const store = sync.api.store
  const core = store.get(resourceByKind('Event'), ns, name)
  if (!core) {
    if (store.get(modernDef, ns, name)) store.remove(modernDef, ns, name)
    return
  }
  store.put(modernDef, toEventsV1(core.obj))
}
