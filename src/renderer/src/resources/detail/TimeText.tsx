import type { ReactNode } from 'react'
import { useNow } from '../clock'
import { age } from '../format'

const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g

/** Text from the backend with every RFC 3339 time shown as a ticking age ("5m ago"), the exact time on hover. */
export function TimeText({ text }: { text: string }): ReactNode {
  const now = useNow()
  const parts: ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(iso)) {
    const at = m.index
    if (at > last) parts.push(text.slice(last, at))
    parts.push(
      <time key={at} dateTime={m[0]} title={new Date(m[0]).toLocaleString()}>
        {age(m[0], now)} ago
      </time>,
    )
    last = at + m[0].length
  }
  if (parts.length === 0) return text
  if (last < text.length) parts.push(text.slice(last))
  return <>{parts}</>
}
