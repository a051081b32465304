import type { ReactNode } from 'react'
import type { RoleRule } from '@shared/contract'
import { useCall } from '../../api/hooks'
import { ErrorBox } from '../../components/ErrorBox'
import { CanIForm } from './CanIForm'
import './rbac.css'

const list = (items: string[], empty: string): ReactNode =>
  items.length === 0 ? <span className="muted">{empty}</span> : items.join(', ')

const groupName = (g: string): string => (g === '' ? 'core' : g)

function RulesTable({ rules }: { rules: RoleRule[] }): ReactNode {
  if (rules.length === 0) return <p className="muted">This role grants nothing.</p>
  return (
    <table className="rules" aria-label="Rules">
      <thead>
        <tr>
          <th scope="col">Resources</th>
          <th scope="col">API groups</th>
          <th scope="col">Names</th>
          <th scope="col">Verbs</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r, i) => (
          <tr key={i}>
            <td className="mono small">
              {r.nonResourceURLs.length > 0 ? r.nonResourceURLs.join(', ') : list(r.resources, '—')}
            </td>
            <td className="mono small">
              {r.nonResourceURLs.length > 0 ? (
                <span className="muted">URLs</span>
              ) : (
                r.apiGroups.map(groupName).join(', ')
              )}
            </td>
            <td className="mono small">{list(r.resourceNames, 'all')}</td>
            <td className="mono small">
              {r.verbs.map((v) => (
                <span
                  key={v}
                  className={`verb${v === '*' || v === 'delete' || v === 'escalate' ? ' strong' : ''}`}
                >
                  {v}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A Role's or ClusterRole's rules as a table (`kubectl describe role`), and a "can I…?" check beside them. */
export function RoleRulesTab({
  target,
}: {
  target: { context?: string; namespace?: string; name: string }
}): ReactNode {
  const rules = useCall('rbac.rules', target)
  return (
    <>
      <section className="detail-section">
        <h3>What this role allows</h3>
        {rules.isPending && <p className="muted">Loading rules…</p>}
        {rules.isError && <ErrorBox error={rules.error} title="Could not read this role" />}
        {rules.data?.aggregatedFrom && (
          <p className="small">
            Aggregated: the controller fills these rules from ClusterRoles labelled{' '}
            {rules.data.aggregatedFrom.map((s) => (
              <code key={s}>{s}</code>
            ))}
            .
          </p>
        )}
        {rules.data && <RulesTable rules={rules.data.rules} />}
      </section>
      <section className="detail-section">
        <h3>Can I…?</h3>
        <p className="muted small">Asks the API server what your own user (this context’s) may do.</p>
        <CanIForm
          {...(target.context ? { context: target.context } : {})}
          defaultNamespace={target.namespace}
        />
      </section>
    </>
  )
}
