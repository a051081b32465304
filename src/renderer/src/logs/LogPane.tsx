import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import { LogLines } from './LogLines'
import type { LogStore } from './log-store'
import { downloadText, stepMatch } from './search'
import './logs.css'
import { thousands } from '../components/plural'

export interface LogPaneProps {
  store: LogStore
  label: string
  fileName: string
  /** Source-specific choosers (container, previous, tail, since, timestamps). */
  controls?: ReactNode
  /** Stream state line, e.g. "following" or an error. */
  status?: ReactNode
  showSource?: boolean
}

interface Found {
  query: string
  /** The store version the matches were computed at. */
  version: number
  matches: number[]
  /** Index into `matches` of the current one; -1 before the first step. */
  at: number
}

/** Search, wrap, download and counts around the virtualized lines; shared by pod and deployment logs. */
export function LogPane({ store, label, fileName, controls, status, showSource }: LogPaneProps) {
  // Re-render (counts) when the store notifies, not per line.
  useSyncExternalStore(store.subscribe, store.getVersion)
  const [wrap, setWrap] = useState(false)
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Found>({ query: '', version: 0, matches: [], at: -1 })

  useEffect(() => {
    const t = setTimeout(() => setQuery(draft), 150)
    return () => clearTimeout(t)
  }, [draft])

  // Searching a million lines takes tens of ms, so it runs on a new query or a next/previous, not per batch.
  useEffect(() => {
    // A next/previous may already have searched this query; keep its place.
    setFound((f) =>
      f.query === query ? f : { query, version: store.version, matches: store.search(query), at: -1 },
    )
  }, [store, query])

  const step = (direction: 1 | -1): void => {
    const q = draft
    setQuery(q)
    const fresh = found.query === q && found.version === store.version
    const matches = fresh ? found.matches : store.search(q)
    const at = stepMatch(matches, found.matches[found.at], direction)
    setFound({ query: q, version: store.version, matches, at })
  }
  const activeLine = found.query === query && found.at >= 0 ? found.matches[found.at] : undefined

  return (
    <section className="log-pane" aria-label={label}>
      <div className="log-toolbar">
        {controls}
        <span className="log-search">
          <input
            type="search"
            placeholder="Search"
            aria-label="Search logs"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') step(e.shiftKey ? -1 : 1)
            }}
          />
          <button type="button" className="secondary" aria-label="Previous match" onClick={() => step(-1)}>
            ↑
          </button>
          <button type="button" className="secondary" aria-label="Next match" onClick={() => step(1)}>
            ↓
          </button>
          {query && found.query === query && (
            <span className="log-matches" aria-live="polite">
              {found.matches.length === 0
                ? 'no matches'
                : `${found.at >= 0 ? found.at + 1 : 0} of ${thousands(found.matches.length)}`}
            </span>
          )}
        </span>
        <label className="log-toggle">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> Wrap
        </label>
        <button type="button" className="secondary" onClick={() => downloadText(fileName, store.toText())}>
          Download
        </button>
      </div>
      <div className="log-meta">
        <span>
          {thousands(store.length)} lines shown (keeps the last {thousands(store.cap)})
          {store.dropped > 0 && `; ${thousands(store.dropped)} older lines dropped`}
        </span>
        {status}
      </div>
      <LogLines
        store={store}
        label={label}
        wrap={wrap}
        query={query}
        activeLine={activeLine}
        showSource={showSource}
      />
    </section>
  )
}
