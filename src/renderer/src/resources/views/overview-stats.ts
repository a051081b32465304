import type { EventRow, PodRow } from '@shared/rows'
import { problemText, type DeploymentWithPods } from '@shared/workload-health'
import { statusTone } from '../format'

export interface NamespaceStats {
  namespace: string
  pods: { running: number; pending: number; failing: number; completed: number }
  /** `failed` counts deployments whose progress deadline passed or whose pods are stuck (degraded). */
  deployments: { healthy: number; progressing: number; failed: number; other: number }
  /** Deployments whose pods are stuck, with why: `web: Degraded: ImagePullBackOff (1 of 1 pods)`. */
  degraded: { name: string; text: string }[]
  /** The most recent warnings, newest first; `warningCount` counts them all. */
  warnings: EventRow[]
  warningCount: number
}

function blank(namespace: string): NamespaceStats {
  return {
    namespace,
    pods: { running: 0, pending: 0, failing: 0, completed: 0 },
    deployments: { healthy: 0, progressing: 0, failed: 0, other: 0 },
    degraded: [],
    warnings: [],
    warningCount: 0,
  }
}

/** Per-namespace counts for the overview; pods are grouped by what their status means, not only their phase. */
export function overviewStats(
  pods: readonly PodRow[],
  deployments: readonly DeploymentWithPods[],
  events: readonly EventRow[],
  warningsPerNamespace = 3,
): NamespaceStats[] {
  const byNs = new Map<string, NamespaceStats>()
  const get = (ns = ''): NamespaceStats => {
    let s = byNs.get(ns)
    if (!s) byNs.set(ns, (s = blank(ns)))
    return s
  }
  for (const p of pods) {
    const tone = p.phase === 'Succeeded' ? 'off' : p.phase === 'Failed' ? 'err' : statusTone(p.status)
    const c = get(p.namespace).pods
    if (tone === 'ok') c.running++
    else if (tone === 'warn') c.pending++
    else if (tone === 'err') c.failing++
    else c.completed++
  }
  for (const d of deployments) {
    const s = get(d.namespace)
    const c = s.deployments
    if (d.problem) {
      c.failed++
      s.degraded.push({ name: d.name, text: problemText(d.problem) })
    } else if (d.health === 'available') c.healthy++
    else if (d.health === 'progressing') c.progressing++
    else if (d.health === 'failed') c.failed++
    else c.other++
  }
  for (const e of events) if (e.type === 'Warning') get(e.namespace).warnings.push(e)
  for (const s of byNs.values()) {
    s.warningCount = s.warnings.length
    s.warnings.sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
    s.warnings = s.warnings.slice(0, warningsPerNamespace)
  }
  return [...byNs.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : 1))
}
