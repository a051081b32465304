import type { ReactNode } from 'react'
import type { ReconcileSnapshot } from '@shared/contract'

/** Spec beside status: each row is one number the controllers try to make agree, marked where they differ. */
export function DesiredObserved({ snapshot }: { snapshot: ReconcileSnapshot }): ReactNode {
  const agree = snapshot.rows.every((r) => !r.differs)
  const verdict = snapshot.verdict
  return (
    <table className="desired-observed" aria-label="Desired and observed">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Desired (spec)</th>
          <th scope="col">Observed (status)</th>
        </tr>
      </thead>
      <tbody>
        {snapshot.rows.map((r) => (
          <tr key={r.label} className={r.differs ? 'differs' : undefined}>
            <th scope="row">{r.label}</th>
            <td>{r.desired}</td>
            <td>
              {r.observed}
              {r.observed !== r.desired && (
                <span className="diff-note">
                  {' '}
                  ({r.observed < r.desired ? '−' : '+'}
                  {Math.abs(r.observed - r.desired)})
                </span>
              )}
            </td>
          </tr>
        ))}
        {snapshot.facts.map((f) => (
          <tr key={f.label} className="fact">
            <th scope="row">{f.label}</th>
            <td colSpan={2} className="mono small">
              {f.value || '—'}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td
            colSpan={3}
            className={verdict?.level === 'warning' || !agree ? 'converging' : 'agree'}
            role="status"
          >
            {verdict
              ? verdict.text
              : agree
                ? 'Desired and observed agree: nothing to do.'
                : snapshot.sandbox?.controllersPaused
                  ? 'They differ, and the controllers are paused: nothing will heal until they resume.'
                  : 'They differ: the controllers are acting to close the gap.'}
          </td>
        </tr>
      </tfoot>
    </table>
  )
}
