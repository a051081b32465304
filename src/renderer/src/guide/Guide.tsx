import type { ReactNode } from 'react'
import { GUIDE_STEPS } from './steps'
import { useGuide } from './useGuide'
import './guide.css'

/**
 * The guided first run on a sandbox: create → scale → break a pod → watch it heal → change the image → roll
 * back. Each step turns done when the cluster shows it, whoever did it (the app, kubectl, a script).
 */
export function Guide({ context }: { context: string }): ReactNode {
  const { memory, skip, resume, restart } = useGuide(context)
  const total = GUIDE_STEPS.length
  const finished = memory.step >= total
  if (memory.skipped)
    return (
      <button type="button" className="guide-chip secondary compact" onClick={resume}>
        Resume the guide ({Math.min(memory.step, total)}/{total})
      </button>
    )
  const current = GUIDE_STEPS[memory.step]
  return (
    <aside className="guide" aria-label="Guided first run">
      <div className="guide-head">
        <strong>Guided first run</strong>
        <span className="muted small">
          {Math.min(memory.step, total)}/{total} done
        </span>
        <button type="button" className="secondary compact" onClick={skip}>
          {finished ? 'Close' : 'Skip'}
        </button>
      </div>
      <ol className="guide-steps">
        {GUIDE_STEPS.map((s, i) => (
          <li
            key={s.id}
            className={i < memory.step ? 'done' : i === memory.step ? 'current' : 'todo'}
            aria-current={i === memory.step ? 'step' : undefined}
          >
            {i < memory.step ? '✓ ' : ''}
            {s.title}
          </li>
        ))}
      </ol>
      {current ? (
        <div className="guide-now">
          <p>{current.how}</p>
          {current.command && (
            <p className="small">
              From a terminal: <code>{current.command}</code>
            </p>
          )}
          {/* The link's own name stays "Show me where": the guide sits inside the Sections navigation. */}
          <p className="small">
            Where: {current.where.label.replace(/^Open /, '')} ·{' '}
            <a href={`#${current.where.hash}`}>Show me where</a>
          </p>
          <p className="muted small">
            This step is checked against the cluster: it turns done when it happens.
          </p>
        </div>
      ) : (
        <div className="guide-now" role="status">
          <p>Done. You declared a desired state, broke it, and watched the controllers reconcile it back.</p>
          <button type="button" className="secondary compact" onClick={restart}>
            Start over
          </button>
        </div>
      )}
    </aside>
  )
}
