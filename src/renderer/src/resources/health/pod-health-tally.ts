import type { PodRow, RowBase } from '@shared/rows'
import {
  commonestReason,
  deploymentKeyOfPod,
  podProblem,
  type WorkloadProblem,
} from '@shared/workload-health'

/**
 * Calls `removed` for each row of `before` that is not in `after` (by identity) and `added` for each row of
 * `after` that is not in `before`; a changed row is both. Both lists are ordered by key, and a watch keeps the
 * identity of rows a delta did not touch, so this is a walk of pointer comparisons: no per-row work for the
 * thousands of pods a batch leaves alone.
 */
export function diffOrderedRows<R extends Pick<RowBase, 'key'>>(
  before: readonly R[],
  after: readonly R[],
  removed: (row: R) => void,
  added: (row: R) => void,
): void {
  let i = 0
  let j = 0
  while (i < before.length && j < after.length) {
    const a = before[i]!
    const b = after[j]!
    if (a === b) {
      i++
      j++
    } else if (a.key === b.key) {
      removed(a)
      added(b)
      i++
      j++
    } else if (a.key < b.key) {
      removed(a)
      i++
    } else {
      added(b)
      j++
    }
  }
  while (i < before.length) removed(before[i++]!)
  while (j < after.length) added(after[j++]!)
}

interface OwnerTally {
  /** Pods of the deployment that are not being deleted. */
  total: number
  /** Stuck reason → how many of those pods have it. */
  reasons: Map<string, number>
}

/**
 * Stuck pods per deployment, kept up to date from the pods watch's changes instead of a pass over every pod
 * per batch (10,000 pods behind the Deployments list during a rollout). `problems` keeps its identity while no
 * deployment's problem changed, so the list behind it does not re-render for pods that came and went healthy.
 */
export class PodHealthTally {
  private rows: readonly PodRow[] = []
  private owners = new Map<string, OwnerTally>()
  private current: ReadonlyMap<string, WorkloadProblem> = new Map()

  /**
   * The problems for these rows (the watch's newest), counting only what changed since the last call. Bound,
   * so it can be handed on as a selector.
   */
  readonly update = (rows: readonly PodRow[]): ReadonlyMap<string, WorkloadProblem> => {
    if (rows === this.rows) return this.current
    const touched = new Set<string>()
    diffOrderedRows(
      this.rows,
      rows,
      (pod) => this.count(pod, -1, touched),
      (pod) => this.count(pod, 1, touched),
    )
    this.rows = rows
    let next: Map<string, WorkloadProblem> | undefined
    for (const key of touched) {
      const before = this.current.get(key)
      const after = this.problemOf(key)
      if (sameProblem(before, after)) continue
      next ??= new Map(this.current)
      if (after) next.set(key, after)
      else next.delete(key)
    }
    if (next) this.current = next
    return this.current
  }

  private count(pod: PodRow, by: 1 | -1, touched: Set<string>): void {
    if (pod.deleting) return
    const key = deploymentKeyOfPod(pod)
    if (!key) return
    let t = this.owners.get(key)
    if (!t) this.owners.set(key, (t = { total: 0, reasons: new Map() }))
    t.total += by
    const reason = podProblem(pod)
    if (reason) {
      const n = (t.reasons.get(reason) ?? 0) + by
      if (n > 0) t.reasons.set(reason, n)
      else t.reasons.delete(reason)
    }
    if (t.total <= 0) this.owners.delete(key)
    touched.add(key)
  }

  private problemOf(key: string): WorkloadProblem | undefined {
    const t = this.owners.get(key)
    if (!t || t.reasons.size === 0) return undefined
    const { reason, failing } = commonestReason(t.reasons)
    return { reason, failing, total: t.total }
  }
}

function sameProblem(a: WorkloadProblem | undefined, b: WorkloadProblem | undefined): boolean {
  return a === b || (!!a && !!b && a.reason === b.reason && a.failing === b.failing && a.total === b.total)
}
