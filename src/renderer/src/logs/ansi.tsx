import Anser from 'anser'
import type { CSSProperties, ReactNode } from 'react'

export interface Segment {
  text: string
  style?: CSSProperties
}

/** A line's text split into styled runs; lines without escape codes skip the parser. */
export function ansiSegments(text: string): Segment[] {
  if (!text.includes('\u001b')) return [{ text }]
  return Anser.ansiToJson(text, { json: true, remove_empty: true }).map((e) => {
    const style: CSSProperties = {}
    if (e.fg) style.color = `rgb(${e.fg})`
    if (e.bg) style.backgroundColor = `rgb(${e.bg})`
    const deco = e.decorations ?? []
    if (deco.includes('bold')) style.fontWeight = 'bold'
    if (deco.includes('italic')) style.fontStyle = 'italic'
    if (deco.includes('dim')) style.opacity = 0.7
    if (deco.includes('underline')) style.textDecoration = 'underline'
    return Object.keys(style).length > 0 ? { text: e.content, style } : { text: e.content }
  })
}

/** Splits `text` around case-insensitive matches of `query`, wrapping them in <mark>. */
export function highlight(text: string, query: string, keyPrefix: string): ReactNode[] {
  if (!query) return [text]
  const lower = text.toLowerCase()
  const q = query.toLowerCase()
  const out: ReactNode[] = []
  let from = 0
  for (let at = lower.indexOf(q); at !== -1; at = lower.indexOf(q, at + q.length)) {
    if (at > from) out.push(text.slice(from, at))
    out.push(<mark key={`${keyPrefix}-${at}`}>{text.slice(at, at + q.length)}</mark>)
    from = at + q.length
  }
  if (from < text.length) out.push(text.slice(from))
  return out
}

/** One log line with its ANSI colours rendered and search matches marked. */
export function AnsiLine({ text, query = '' }: { text: string; query?: string }) {
  const segments = ansiSegments(text)
  if (segments.length === 1 && !segments[0]?.style) return <>{highlight(text, query, 's')}</>
  return (
    <>
      {segments.map((s, i) => (
        <span key={i} style={s.style}>
          {highlight(s.text, query, String(i))}
        </span>
      ))}
    </>
  )
}
