import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'

const storageKey = 'skiff.detailWidth'
export const detailMinWidth = 320
const step = 32

function storedWidth(): number | undefined {
  try {
    const n = Number(window.localStorage.getItem(storageKey))
    return Number.isFinite(n) && n >= detailMinWidth ? n : undefined
  } catch {
    return undefined
  }
}

/** The detail panel's width in px (undefined: the stylesheet's default), remembered across launches. */
export function useDetailWidth(): [number | undefined, (width: number) => void] {
  const [width, setWidth] = useState(storedWidth)
  const set = useCallback((w: number) => {
    setWidth(w)
    try {
      window.localStorage.setItem(storageKey, String(Math.round(w)))
    } catch {
      // Applied for this session only.
    }
  }, [])
  return [width, set]
}

/**
 * The handle between a list and its detail panel: drag it, or focus it and use ←/→ (Home/End for the
 * extremes). The list keeps at least `listMin` px.
 */
export function PanelResizer(props: {
  /** The panel being resized (its left edge follows the handle). */
  panel: () => HTMLElement | null
  width: number | undefined
  onWidth: (width: number) => void
  listMin?: number
}): ReactNode {
  const { panel, width, onWidth, listMin = 240 } = props
  const drag = useRef<{ x: number; width: number } | undefined>(undefined)
  const limits = (): [number, number] => {
    const el = panel()
    const room = (el?.parentElement?.clientWidth ?? 1200) - listMin
    return [detailMinWidth, Math.max(detailMinWidth, room)]
  }
  const clamp = (w: number): number => {
    const [lo, hi] = limits()
    return Math.min(hi, Math.max(lo, w))
  }
  const current = (): number => width ?? panel()?.getBoundingClientRect().width ?? detailMinWidth
  // The width shown to assistive tech, observed rather than read in render: the list re-renders on every watch
  // batch, and a getBoundingClientRect there forced a layout of the whole page each time (a busy reconcile view
  // spent ~150 ms of its rollout in it).
  const [observed, setObserved] = useState<number | undefined>()
  const panelRef = useRef(panel)
  panelRef.current = panel
  useEffect(() => {
    const el = panelRef.current()
    if (!el || width !== undefined) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setObserved(entry.borderBoxSize[0]?.inlineSize ?? entry.contentRect.width)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [width])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const [lo, hi] = limits()
    const next: Record<string, number> = {
      ArrowLeft: current() + step,
      ArrowRight: current() - step,
      Home: hi,
      End: lo,
    }
    if (!(e.key in next)) return
    e.preventDefault()
    onWidth(clamp(next[e.key]!))
  }
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { x: e.clientX, width: current() }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current
    if (d) onWidth(clamp(d.width + d.x - e.clientX))
  }
  const end = (): void => {
    drag.current = undefined
  }
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the detail panel (← wider, → narrower)"
      aria-valuenow={Math.round(width ?? observed ?? detailMinWidth)}
      aria-valuemin={detailMinWidth}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
    />
  )
}
