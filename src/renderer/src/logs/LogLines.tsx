import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { AnsiLine } from './ansi'
import { blockWindow, centredTop, type BlockWindow } from './block-window'
import type { LogStore } from './log-store'
import { podColor } from './pod-colors'

const ROW_HEIGHT = 18
/**
 * Lines per virtual item. The virtualizer recomputes every item's position whenever the count changes, which a
 * followed log does every frame: at a million single-line items that was 60–180 ms a frame. Blocks of lines
 * divide that by this number.
 */
const BLOCK = 16
const OVERSCAN = 2

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

/** The virtualized body: only the visible blocks of rows exist, re-rendered when the store notifies. */
export function LogLines({ store, label, wrap, query, activeLine, showSource }: LogLinesProps) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion)
  const count = store.length
  const blocks = Math.ceil(count / BLOCK)
  const dropped = store.dropped
  const scrollRef = useRef<HTMLDivElement>(null)
  const lastTop = useRef(0)
  const [following, setFollowing] = useState(true)
  // Where the viewport is, for unwrapped lines (placed by arithmetic, block-window.ts).
  const [view, setView] = useState({ top: 0, height: 0 })
  const readView = useCallback((el: HTMLElement): void => {
    const top = el.scrollTop
    const height = el.clientHeight
    setView((v) => (v.top === top && v.height === height ? v : { top, height }))
  }, [])
  // Numbers, not strings: this runs for every block on every append. The last block's key changes as it
  // fills, so wrapped it is measured again; `count` in the deps makes the virtualizer re-estimate its size.
  const getItemKey = useCallback(
    (i: number) => (i === blocks - 1 ? -1 - (count - i * BLOCK) : i),
    [blocks, count],
  )
  // Only wrapped lines differ in height, so only they need a virtualizer that measures.
  const virtualizer = useVirtualizer({
    count: blocks,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => Math.min(BLOCK, count - i * BLOCK) * ROW_HEIGHT,
    getItemKey,
    overscan: OVERSCAN,
    enabled: wrap,
    // A followed log scrolls every frame; a synchronous re-render per scroll event laid the page out twice.
    useFlushSync: false,
  })

  const totalHeight = wrap ? virtualizer.getTotalSize() : count * ROW_HEIGHT
  // Following unwrapped lines, the bottom is known without a layout: render it in the same commit as the
  // new lines, then scroll there before paint.
  const top = !wrap && following ? Math.max(0, totalHeight - view.height) : view.top
  const items: { index: number; start: number }[] = wrap
    ? virtualizer.getVirtualItems()
    : fixedItems(blockWindow(top, view.height, BLOCK * ROW_HEIGHT, blocks, OVERSCAN))

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const read = (): void => readView(el)
    read()
    const observer = new ResizeObserver(read)
    observer.observe(el)
    return () => observer.disconnect()
  }, [readView])

  useLayoutEffect(() => {
    // Unwrapped: the height is count × row, so this sets the position without reading the layout first.
    const el = scrollRef.current
    if (!wrap && following && el) el.scrollTop = totalHeight
  }, [wrap, following, totalHeight])

  useEffect(() => {
    // Straight to the bottom: scrollToIndex re-checks its target over several frames, each a full layout.
    const el = scrollRef.current
    if (wrap && following && el) el.scrollTop = el.scrollHeight
  }, [version, following, wrap])

  useEffect(() => {
    if (activeLine === undefined) return
    setFollowing(false)
    const el = scrollRef.current
    if (wrap) virtualizer.scrollToIndex(Math.floor(activeLine / BLOCK), { align: 'center' })
    else if (el) el.scrollTop = centredTop(activeLine, ROW_HEIGHT, el.clientHeight)
  }, [activeLine, virtualizer, wrap])

  useEffect(() => {
    // Row heights differ only when lines wrap; re-measure when that changes, or when the cap dropped old
    // lines (every block then holds other lines than it was measured with).
    if (wrap) virtualizer.measure()
  }, [wrap, dropped, virtualizer])

  const onScroll = (): void => {
    const el = scrollRef.current
    if (!el) return
    const height = wrap ? el.scrollHeight : totalHeight
    const atBottom = height - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2
    // Only a move up is the person's doing; appends that grow the list never unfollow.
    if (el.scrollTop < lastTop.current - 1 && !atBottom) setFollowing(false)
    else if (atBottom) setFollowing(true)
    lastTop.current = el.scrollTop
    readView(el)
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
        <div style={{ height: totalHeight, position: 'relative' }}>
          {items.map((item) => {
            const from = item.index * BLOCK
            const to = Math.min(count, from + BLOCK)
            return (
              <div
                // React keeps a block's element while its lines change; the virtualizer's key tracks content.
                key={item.index}
                data-index={item.index}
                ref={wrap ? virtualizer.measureElement : undefined}
                className="log-block"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <Block
                  store={store}
                  from={from}
                  to={to}
                  content={`${dropped}:${to}`}
                  query={query}
                  activeLine={
                    activeLine !== undefined && activeLine >= from && activeLine < to ? activeLine : -1
                  }
                  wrap={wrap}
                  showSource={showSource === true}
                />
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
            if (wrap) virtualizer.scrollToIndex(blocks - 1, { align: 'end' })
          }}
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  )
}

function fixedItems({ first, end }: BlockWindow): { index: number; start: number }[] {
  const out = []
  for (let i = first; i < end; i++) out.push({ index: i, start: i * BLOCK * ROW_HEIGHT })
  return out
}

interface BlockProps {
  store: LogStore
  from: number
  to: number
  /** Changes when the lines in [from, to) do (the store is mutable, so this stands in for them). */
  content: string
  query: string
  activeLine: number
  wrap: boolean
  showSource: boolean
}

/** Up to BLOCK lines; skipped on re-render unless its lines, the search or the active line changed. */
const Block = memo(function Block({ store, from, to, query, activeLine, wrap, showSource }: BlockProps) {
  const rows = []
  for (let i = from; i < to; i++) {
    const source = showSource ? store.source(i) : undefined
    rows.push(
      <div
        key={i}
        data-line={i}
        className={i === activeLine ? 'log-line active' : 'log-line'}
        style={wrap ? undefined : { height: ROW_HEIGHT }}
      >
        {source !== undefined && (
          <span className="log-source" style={{ color: podColor(store.sourceNumber(source)) }}>
            {source}
          </span>
        )}
        <AnsiLine text={store.line(i)} query={query} />
      </div>,
    )
  }
  return rows
})
