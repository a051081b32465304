import type { PodRow } from '@shared/rows'
import { podDotState, summarize } from './pod-state'
import './actions.css'

/** One small dot per pod (running/pending/failed/terminating), so a scale is seen as it happens. */
export function PodDots({ pods, max = 60 }: { pods: PodRow[]; max?: number }) {
  const sorted = [...pods].sort((a, b) => a.name.localeCompare(b.name))
  const shown = sorted.slice(0, max)
  return (
    <span className="pod-dots" role="img" aria-label={`Pods: ${summarize(pods)}`}>
      {shown.map((p) => {
        const state = podDotState(p)
        return (
          <span
            key={p.key}
            className={`pod-dot ${state}`}
            data-state={state}
            title={`${p.name}: ${p.status}`}
          />
        )
      })}
      {sorted.length > max && <span className="pod-dots-more">+{sorted.length - max}</span>}
    </span>
  )
}
