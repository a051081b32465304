import { memo, type ReactNode } from 'react'
import type { ReconcileSnapshot } from '@shared/contract'
import { PodCanvas } from './PodCanvas'

interface Props {
  snapshot: ReconcileSnapshot
  selected?: string
  onSelect?: (pod: string) => void
}

/** The workload → its sets of pods (ReplicaSets or revisions, newest first, with their counts) → pods as dots. */
export const OwnerGraph = memo(function OwnerGraph({ snapshot, selected, onSelect }: Props): ReactNode {
  const setsOf = snapshot.groups[0]?.kind ?? (snapshot.kind === 'Deployment' ? 'ReplicaSet' : 'Pods')
  return (
    <div className="owner-graph" aria-label="Owner graph">
      <div className="graph-node deployment">
        <span className="graph-kind">{snapshot.kind}</span> <span className="mono">{snapshot.name}</span>
        <span className="muted small"> wants {snapshot.goal}</span>
      </div>
      <ul className="graph-sets" aria-label={`${setsOf}s`}>
        {snapshot.groups.length === 0 && <li className="muted">No pods yet.</li>}
        {snapshot.groups.map((g) => (
          <li key={g.name} className={`graph-node replicaset${g.current ? ' current' : ' old'}`}>
            <div className="graph-set-head">
              <span className="graph-kind">{g.kind}</span> <span className="mono">{g.name}</span>
              {g.revision !== undefined && <span className="muted small"> rev {g.revision}</span>}
              {snapshot.groups.length > 1 && <span className="graph-badge">{g.current ? 'new' : 'old'}</span>}
              {g.desired !== undefined ? (
                <span className="graph-count" aria-label={`${g.name} wants ${g.desired}, ${g.ready} ready`}>
                  {g.ready}/{g.desired}
                </span>
              ) : (
                <span className="graph-count">
                  {/* A Job's pods count by how many finished well, not by readiness. */}
                  {g.ready} {snapshot.kind === 'Job' ? 'succeeded' : 'ready'}
                </span>
              )}
            </div>
            <div className="muted small mono">{g.images.join(', ')}</div>
            <PodCanvas
              label={g.name}
              pods={g.pods}
              {...(selected ? { selected } : {})}
              {...(onSelect ? { onSelect } : {})}
            />
          </li>
        ))}
      </ul>
      {snapshot.lists.map((l) => (
        <section key={l.title} className="graph-side" aria-label={l.title}>
          <h4>{l.title}</h4>
          <ul>
            {l.items.map((i) => (
              <li key={i.name} className={i.level}>
                <span className="mono">{i.name}</span> <span className="small">{i.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
})
