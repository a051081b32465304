import { useSyncExternalStore } from 'react'

/**
 * A call or stream refused with NeedsApproval (a context's exec plugin Skiff has not run before) raises
 * this flag; the ExecApprovalDialog asks the person once. `generation` counts approvals so views that
 * failed can start again.
 */
interface State {
  pending: string | undefined
  generation: number
}

let state: State = { pending: undefined, generation: 0 }
const listeners = new Set<() => void>()
const set = (next: State): void => {
  state = next
  for (const l of listeners) l()
}

export function needsExecApproval(message: string): void {
  if (state.pending === undefined) set({ ...state, pending: message })
}
export function execApprovalSettled(approved: boolean): void {
  set({ pending: undefined, generation: state.generation + (approved ? 1 : 0) })
}

export function useExecApproval(): State {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  )
}
