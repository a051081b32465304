import type { ReactNode } from 'react'
import type { Tone } from '../format'

export interface Segment {
  label: string
  count: number
  tone: Tone
}

/** A one-line stacked bar; the legend under it is the text equivalent, so the SVG itself is decorative. */
export function StackedBar({ title, segments }: { title: string; segments: Segment[] }): ReactNode {
  const total = segments.reduce((n, s) => n + s.count, 0)
  const shown = segments.filter((s) => s.count > 0)
  let x = 0
  return (
    <div className="chart-row">
      <span>{title}</span>
      <div>
        <svg className="bar-chart" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
          {shown.map((s) => {
            const w = (s.count / total) * 100
            const rect = <rect key={s.label} className={`fill-${s.tone}`} x={x} y={0} width={w} height={10} />
            x += w
            return rect
          })}
        </svg>
        <div className="chart-legend">
          {total === 0 ? (
            <span>none</span>
          ) : (
            shown.map((s) => (
              <span key={s.label}>
                <i className={`fill-${s.tone}`} aria-hidden="true" />
                {s.count} {s.label}
              </span>
            ))
          )}
        </div>
      </div>
    </div>
  )
}
