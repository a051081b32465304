import type { Condition, KObj } from '../types'
import { isRecord } from '../types'
import { ageOf } from './age'
import type { ColumnDef, KindPrinter } from './table-columns'

// Node and Event printers (kubectl's printNode / printEvent).
function col(name: string, priority = 0, format = ''): ColumnDef {
  return { name, type: 'string', format, description: name, priority }
}

function rec(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

export const nodePrinter: KindPrinter = {
  columns: [
    col('Name', 0, 'name'),
    col('Status'),
    col('Roles'),
    col('Age'),
    col('Version'),
    col('Internal-IP', 1),
    col('External-IP', 1),
    col('OS-Image', 1),
    col('Kernel-Version', 1),
    col('Container-Runtime', 1),
  ],
  cells(obj, now) {
    const status = rec(obj.status)
    const conditions = (Array.isArray(status.conditions) ? status.conditions : []) as Condition[]
    const ready = conditions.find((c) => c.type === 'Ready')
    const parts = [ready?.status === 'True' ? 'Ready' : 'NotReady']
    if (rec(obj.spec).unschedulable === true) parts.push('SchedulingDisabled')
    const roles = Object.keys(obj.metadata.labels ?? {})
      .filter((l) => l.startsWith('node-role.kubernetes.io/'))
      .map((l) => l.slice('node-role.kubernetes.io/'.length))
    const info = rec(status.nodeInfo)
    const addresses = (Array.isArray(status.addresses) ? status.addresses : []).filter(isRecord)
    const addr = (type: string): string => String(addresses.find((a) => a.type === type)?.address ?? '<none>')
    return [
      obj.metadata.name,
      parts.join(','),
      roles.length > 0 ? roles.sort().join(',') : '<none>',
      ageOf(obj.metadata.creationTimestamp, now),
      String(info.kubeletVersion ?? ''),
      addr('InternalIP'),
      addr('ExternalIP'),
      String(info.osImage ?? '<unknown>'),
      String(info.kernelVersion ?? '<unknown>'),
      String(info.containerRuntimeVersion ?? '<unknown>'),
    ]
  },
}

function eventSource(e: KObj): string {
  const source = rec(e.source ?? e.deprecatedSource)
  const component = String(source.component ?? e.reportingComponent ?? e.reportingController ?? '')
  return source.host ? `${component}, ${String(source.host)}` : component
}

export const eventPrinter: KindPrinter = {
  columns: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    col('Subobject', 1),
    col('Source', 1),
    col('Message'),
    col('First Seen', 1),
    { ...col('Count', 1), type: 'integer' },
    col('Name', 1),
  ],
  cells(e: KObj, now) {
    // core/v1 and events.k8s.io/v1 field names
    const involved = rec(e.involvedObject ?? e.regarding)
    const first = ageOf(
      e.firstTimestamp ?? e.deprecatedFirstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp,
      now,
    )
    const last = ageOf(
      e.lastTimestamp ?? e.deprecatedLastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp,
      now,
    )
    const count =
      typeof e.count === 'number' ? e.count : typeof e.deprecatedCount === 'number' ? e.deprecatedCount : 1
    return [
      count > 1 ? `${last} (x${count} over ${first})` : last,
      String(e.type ?? 'Normal'),
      String(e.reason ?? ''),
      `${String(involved.kind ?? '').toLowerCase()}/${String(involved.name ?? '')}`,
      String(involved.fieldPath ?? ''),
      eventSource(e),
      String(e.message ?? e.note ?? '').trim(),
      first,
      count,
      e.metadata.name,
    ]
  },
}
