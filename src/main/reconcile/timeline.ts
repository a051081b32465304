import type { ReconcileKind, TimelineEntry } from '@shared/contract'
import type { WireEvent, WireNode, WireObject, WirePod } from '../kube/rows/wire'
import { nodeWords, podWords, type Words } from './delta-words'
import { actorOf, eventWords } from './event-words'
import { plans } from './plans'

// The reconcile timeline, built from what the watches deliver: Kubernetes Events (what controllers say they
// did) and object deltas (what changed that no Event reports). Pure: feed it a recorded sequence, get entries.

export type TimelineInput =
  | { type: 'event'; change: 'ADDED' | 'MODIFIED'; event: WireEvent }
  | {
      type: 'delta'
      kind: ReconcileKind | 'Pod' | 'Node'
      change: 'ADDED' | 'MODIFIED' | 'DELETED'
      obj: WireObject
      prev?: WireObject
      at: string
    }
  | { type: 'chaos'; text: string; at: string }

export interface Timeline {
  feed(input: TimelineInput): TimelineEntry[]
}

const eventTime = (e: WireEvent): string =>
  e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? ''

export function createTimeline(): Timeline {
  // Events already told, by uid (or name) → the count told, so a repeat says "×3" instead of being lost.
  const told = new Map<string, number>()
  let seq = 0
  const entry = (at: string, w: Words): TimelineEntry => ({
    id: `t${++seq}`,
    at,
    actor: w.actor,
    text: w.text,
    level: w.level,
    ...(w.reason ? { reason: w.reason } : {}),
  })

  const fromEvent = (e: WireEvent): TimelineEntry[] => {
    const key = e.metadata?.uid ?? e.metadata?.name ?? ''
    const count = e.series?.count ?? e.count ?? 1
    const before = told.get(key)
    if (before !== undefined && before >= count) return []
    told.set(key, count)
    if (told.size > 5000) told.delete(told.keys().next().value ?? '')
    const words = eventWords(e)
    const times = count > 1 ? ` (×${count})` : ''
    return [
      entry(eventTime(e), {
        actor: actorOf(e),
        text: words.text + times,
        level: words.level ?? (e.type === 'Warning' ? 'warning' : 'normal'),
        ...(e.reason ? { reason: e.reason } : {}),
      }),
    ]
  }

  return {
    feed(input) {
      switch (input.type) {
        case 'event':
          return fromEvent(input.event)
        case 'chaos':
          return [
            entry(input.at, { actor: 'you (Break it, simulated)', text: input.text, level: 'simulated' }),
          ]
        case 'delta': {
          const name = input.obj.metadata?.name ?? ''
          const next = input.change === 'DELETED' ? undefined : input.obj
          let words: Words[] = []
          if (input.kind === 'Pod')
            words = podWords(input.prev as WirePod | undefined, next as WirePod | undefined, name)
          else if (input.kind === 'Node')
            words = nodeWords(input.prev as WireNode | undefined, next as WireNode | undefined, name)
          else if (!next)
            words = [{ actor: 'API server', text: `${input.kind} ${name} is gone`, level: 'normal' }]
          else words = plans[input.kind]?.words(input.prev, next) ?? []
          return words.map((w) => entry(input.at, w))
        }
      }
    },
  }
}
