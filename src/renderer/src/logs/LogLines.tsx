import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { AnsiLine } from './ansi'
import type { LogStore } from './log-store'
import { podColor } from './pod-colors'

const ROW_HEIGHT = 18

export interface LogLinesProps {
  store: LogStore
  label: string
  wrap: boolean
  query: string
  /** A line to bring into view (the current search match). */
  activeLine?: number
  /** Tag each line with its pod (deployment logs). */
  showSource?: boolean
}

/** The virtualized body: only the visible rows exist, and it re-renders at most once per animation frame. */
export function LogLines({ store, label, wrap, query, activeLine, showSource }: LogLinesProps) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion)
  const count = store.length
  const scrollRef = useRef<HTMLDivElement>(null)
  const lastTop = useRef(0)
  const [following, setFollowing] = useState(true)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  })

  useEffect(() => {
    if (following && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [version, following, count, virtualizer])

  useEffect(() => {
    if (activeLine === undefined) return
    setFollowing(false)
    virtualizer.scrollToIndex(activeLine, { align: 'center' })
  }, [activeLine, virtualizer])

  useEffect(() => {
    // Row heights differ only when lines wrap; re-measure when that changes.
    virtualizer.measure()
  }, [wrap, virtualizer])

  const onScroll = (): void => {
    const el = scrollRef.current
    if (!el) return
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2
    // Only a move up is the person's doing; appends that grow the list never unfollow.
    if (el.scrollTop < lastTop.current - 1 && !atBottom) setFollowing(false)
    else if (atBottom) setFollowing(true)
    lastTop.current = el.scrollTop
  }

  return (
    <div className="log-lines-wrap">
      <div
        ref={scrollRef}
        className={wrap ? 'log-lines wrap' : 'log-lines'}
        role="log"
        aria-label={label}
        tabIndex={0}
        onScroll={onScroll}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const source = showSource ? store.source(item.index) : undefined
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={wrap ? virtualizer.measureElement : undefined}
                className={item.index === activeLine ? 'log-line active' : 'log-line'}
                style={{ transform: `translateY(${item.start}px)`, ...(wrap ? {} : { height: ROW_HEIGHT }) }}
              >
                {source !== undefined && (
                  <span className="log-source" style={{ color: podColor(source) }}>
                    {source}
                  </span>
                )}
                <AnsiLine text={store.line(item.index)} query={query} />
              </div>
            )
          })}
        </div>
      </div>
      {!following && count > 0 && (
        <button
          type="button"
          className="log-jump"
          onClick={() => {
            setFollowing(true)
            virtualizer.scrollToIndex(count - 1, { align: 'end' })
          }}
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  )
}
