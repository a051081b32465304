import type { ReactNode } from 'react'
import { useNow } from '../clock'
import { humanDuration } from '../format'

/** A time in the past or the future: "in 9h27m" / "5m ago", the exact local time on hover. */
export function WhenText({ iso }: { iso: string }): ReactNode {
  const now = useNow()
  const t = Date.parse(iso)
  const d = t - now
  return (
    <time dateTime={iso} title={new Date(t).toLocaleString()}>
      {d >= 0 ? `in ${humanDuration(d)}` : `${humanDuration(-d)} ago`} ({new Date(t).toLocaleString()})
    </time>
  )
}
