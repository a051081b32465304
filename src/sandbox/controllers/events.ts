import type { ObjectApi } from '../api/objects'
import { groupVersion, resourceByKind } from '../api/resources'
import type { KObj } from '../types'

// Records core/v1 Events; repeats of the same reason and message on one object bump `count`.
export interface EventRecorder {
  record(obj: KObj, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void
}

export function createEventRecorder(api: ObjectApi): EventRecorder {
  const eventDef = resourceByKind('Event')
  const recent = new Map<string, string>() // dedupe key -> event name
  let seq = 0
  return {
    record(obj, type, reason, message, component) {
      const ns = obj.metadata.namespace ?? 'default'
      const key = `${ns}/${obj.metadata.uid}/${reason}/${message}`
      const now = api.timestamp()
      const existingName = recent.get(key)
      const existing = existingName ? api.store.get(eventDef, ns, existingName) : undefined
      try {
        if (existing) {
          const next = structuredClone(existing.obj)
          next.count = (typeof next.count === 'number' ? next.count : 1) + 1
          next.lastTimestamp = now
          api.update(eventDef, ns, existing.obj.metadata.name, next, { internal: true })
          return
        }
        const nanos = BigInt(api.clock.now()) * 1_000_000n + BigInt(seq++ % 1_000_000)
        const name = `${obj.metadata.name}.${nanos.toString(16)}`
        api.create(
          eventDef,
          ns,
          {
            metadata: { name, namespace: ns },
            involvedObject: {
              kind: obj.kind,
              namespace: obj.metadata.namespace,
              name: obj.metadata.name,
              uid: obj.metadata.uid,
              apiVersion: obj.apiVersion || groupVersion(resourceByKind(obj.kind)),
              resourceVersion: obj.metadata.resourceVersion,
            },
            reason,
            message,
            source: { component },
            firstTimestamp: now,
            lastTimestamp: now,
            count: 1,
            type,
            eventTime: null,
            reportingComponent: component,
            reportingInstance: '',
          },
          { internal: true },
        )
        recent.set(key, name)
        if (recent.size > 20_000) recent.clear()
      } catch {
        // Events are best effort, as in Kubernetes (e.g. the namespace is terminating).
      }
    },
  }
}
