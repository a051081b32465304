import { memo, type ReactNode } from 'react'
import type { GraphPod, ReconcileSnapshot } from '@shared/contract'
import { podDotState, summarize } from '../actions/pod-state'

const dotOf = (p: GraphPod): ReturnType<typeof podDotState> =>
  podDotState({ status: p.status, phase: p.phase, ready: p.ready, deleting: p.deleting })

interface Props {
  snapshot: ReconcileSnapshot
  selected?: string
  onSelect?: (pod: string) => void
}

/** Deployment → its ReplicaSets (newest first, with desired/ready counts) → their pods as dots by state. */
export const OwnerGraph = memo(function OwnerGraph({ snapshot, selected, onSelect }: Props): ReactNode {
  return (
    <div className="owner-graph" aria-label="Owner graph">
      <div className="graph-node deployment">
        <span className="graph-kind">Deployment</span> <span className="mono">{snapshot.name}</span>
        <span className="muted small"> wants {snapshot.desired.replicas}</span>
      </div>
      <ul className="graph-sets" aria-label="ReplicaSets">
        {snapshot.replicaSets.length === 0 && <li className="muted">No ReplicaSets yet.</li>}
        {snapshot.replicaSets.map((rs) => {
          const pods = rs.pods.map((p) => ({ ...p, dot: dotOf(p) }))
          const label = `${rs.name}: ${summarize(rs.pods.map((p) => ({ status: p.status, phase: p.phase, ready: p.ready, deleting: p.deleting })))}`
          return (
            <li key={rs.name} className={`graph-node replicaset${rs.current ? ' current' : ' old'}`}>
              <div className="graph-set-head">
                <span className="graph-kind">ReplicaSet</span> <span className="mono">{rs.name}</span>
                {rs.revision !== undefined && <span className="muted small"> rev {rs.revision}</span>}
                <span className="graph-badge">{rs.current ? 'new' : 'old'}</span>
                <span
                  className="graph-count"
                  aria-label={`${rs.name} wants ${rs.desired}, ${rs.ready} ready`}
                >
                  {rs.ready}/{rs.desired}
                </span>
              </div>
              <div className="muted small mono">{rs.images.join(', ')}</div>
              <div className="graph-pods" role="group" aria-label={label}>
                {pods.map((p) => (
                  // Spans, not buttons: 500 dots re-styled each frame must stay cheap. Break it offers the same
                  // choice in a keyboard-reachable list.
                  <span
                    key={p.name}
                    className={`pod-dot ${p.dot}${p.name === selected ? ' selected' : ''}`}
                    data-state={p.dot}
                    data-pod={p.name}
                    title={`${p.name}: ${p.status}${p.node ? ` on ${p.node}` : ''}${p.restarts ? `, ${p.restarts} restarts` : ''}`}
                    onClick={() => onSelect?.(p.name)}
                  />
                ))}
              </div>
            </li>
          )
        })}
      </ul>
    </div>
  )
})
