import type { ReactNode } from 'react'
import type { ReconcileSnapshot } from '@shared/contract'

/** Spec beside status: each row is one number the controllers try to make agree, marked where they differ. */
export function DesiredObserved({ snapshot }: { snapshot: ReconcileSnapshot }): ReactNode {
  const want = snapshot.desired.replicas
  const o = snapshot.observed
  const rows: [string, number][] = [
    ['Pods', o.replicas],
    ['Up to date', o.updated],
    ['Ready', o.ready],
    ['Available', o.available],
  ]
  const agree = rows.every(([, v]) => v === want)
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
        {rows.map(([label, value]) => (
          <tr key={label} className={value === want ? undefined : 'differs'}>
            <th scope="row">{label}</th>
            <td>{want}</td>
            <td>
              {value}
              {value !== want && (
                <span className="diff-note">
                  {' '}
                  ({value < want ? '−' : '+'}
                  {Math.abs(value - want)})
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className={agree ? 'agree' : 'converging'} role="status">
            {agree
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
