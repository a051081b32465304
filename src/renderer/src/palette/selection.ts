import { useEffect, useSyncExternalStore } from 'react'
import type { ObjectRef } from '@shared/contract'

/** The object the person has selected or opened in a list, for the palette's "actions on the selection". */
export interface Selection {
  context: string | undefined
  ref: ObjectRef
}

let current: Selection | undefined
const listeners = new Set<() => void>()
const notify = (): void => listeners.forEach((l) => l())

/** Published by a list while it is mounted; the last list to publish wins, and leaving clears it. */
export function usePublishSelection(context: string | undefined, ref: ObjectRef | undefined): void {
  const key = ref ? JSON.stringify([context ?? '', ref.kind, ref.namespace ?? '', ref.name]) : ''
  useEffect(() => {
    if (!key) return
    const [ctx, kind, namespace, name] = JSON.parse(key) as [string, ObjectRef['kind'], string, string]
    const mine: Selection = {
      context: ctx || undefined,
      ref: namespace ? { kind, namespace, name } : { kind, name },
    }
    current = mine
    notify()
    return () => {
      if (current === mine) {
        current = undefined
        notify()
      }
    }
  }, [key])
}

export function useSelection(): Selection | undefined {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
    () => current,
  )
}
