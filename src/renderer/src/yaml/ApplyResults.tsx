import { useState, type ReactNode } from 'react'
import type { DocumentResult, ManifestResult } from '@shared/contract'
import { DiffView } from '../actions/DiffView'

const words: Record<DocumentResult['outcome'], { preview: string; applied: string; tone: string }> = {
  created: { preview: 'new', applied: 'created', tone: 'ok' },
  configured: { preview: 'changed', applied: 'configured', tone: 'info' },
  unchanged: { preview: 'unchanged', applied: 'unchanged', tone: 'off' },
  failed: { preview: 'refused', applied: 'failed', tone: 'err' },
  conflict: { preview: 'conflict', applied: 'conflict', tone: 'warn' },
}

function objectName(d: DocumentResult): string {
  if (!d.kind) return `Document ${d.index + 1}`
  return `${d.kind} ${d.namespace ? `${d.namespace}/` : ''}${d.name ?? '(no name)'}`
}

function DocumentRow(props: {
  doc: DocumentResult
  dryRun: boolean
  onShowLine: (line: number) => void
}): ReactNode {
  const { doc, dryRun } = props
  const [open, setOpen] = useState(dryRun && doc.outcome === 'configured')
  const w = words[doc.outcome]
  const canDiff = doc.after !== undefined && doc.outcome !== 'failed' && doc.outcome !== 'conflict'
  return (
    <li className="doc-result" data-outcome={doc.outcome}>
      <div className="doc-result-head">
        <span className={`pill ${w.tone}`}>{dryRun ? w.preview : w.applied}</span>
        <span className="mono grow">{objectName(doc)}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => props.onShowLine(doc.line ?? doc.startLine)}
          aria-label={`Show line ${doc.line ?? doc.startLine} in the editor`}
        >
          line {doc.line ?? doc.startLine}
        </button>
        {canDiff && doc.outcome !== 'unchanged' && (
          <button
            type="button"
            className="secondary compact"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide diff' : 'Diff'}
          </button>
        )}
      </div>
      {doc.message && <p className="doc-result-message">{doc.message}</p>}
      {doc.conflicts && doc.conflicts.length > 0 && (
        <table className="conflict-table">
          <caption>Fields another manager owns</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Owned by</th>
              <th scope="col">Line</th>
            </tr>
          </thead>
          <tbody>
            {doc.conflicts.map((c) => (
              <tr key={c.field + c.manager}>
                <td className="mono">{c.field}</td>
                <td className="mono">{c.manager}</td>
                <td>{c.line ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {doc.warnings?.map((w) => (
        <p key={w} className="doc-result-warning">
          ⚠ {w}
        </p>
      ))}
      {open && canDiff && (
        <DiffView
          leftTitle="Live"
          left={doc.before ?? ''}
          rightTitle={dryRun ? 'After apply' : 'Now'}
          right={doc.after ?? ''}
        />
      )}
    </li>
  )
}

/** Per-document outcome of a preview or an apply, with the server's words pinned to lines, and the diffs. */
export function ApplyResults(props: {
  result: ManifestResult
  onShowLine: (line: number) => void
}): ReactNode {
  const { result } = props
  const counts = new Map<string, number>()
  for (const d of result.documents) {
    const w = result.dryRun ? words[d.outcome].preview : words[d.outcome].applied
    counts.set(w, (counts.get(w) ?? 0) + 1)
  }
  const summary = [...counts].map(([w, n]) => `${n} ${w}`).join(', ')
  return (
    <section className="apply-results" aria-label={result.dryRun ? 'Preview' : 'Apply result'}>
      <h3>
        {result.dryRun ? 'Preview' : 'Applied'}: {summary || 'no documents'}
      </h3>
      <ul>
        {result.documents.map((d) => (
          <DocumentRow key={d.index} doc={d} dryRun={result.dryRun} onShowLine={props.onShowLine} />
        ))}
      </ul>
    </section>
  )
}
