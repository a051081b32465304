import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { GraphPod } from '@shared/contract'
import { podDotState, summarize, type PodDotState } from '../actions/pod-state'
import { onThemeChange } from '../terminal/xterm-theme'
import { DOT, dotAt, dotGrid, dotOrigin } from './dot-grid'

interface Props {
  /** Names the group in the accessible summary ("web-7d9f: 498 running, 2 pending"). */
  label: string
  pods: GraphPod[]
  selected?: string
  onSelect?: (pod: string) => void
}

interface Palette {
  fill: Record<PodDotState, string | undefined>
  ring: string
  selected: string
}

// The app's dot colours (actions.css); the greys and the accent follow the theme.
function palette(el: Element): Palette {
  const css = getComputedStyle(el)
  const muted = css.getPropertyValue('--muted').trim() || '#5b6470'
  return {
    fill: {
      running: '#16a34a',
      pending: '#d97706',
      failed: '#dc2626',
      succeeded: muted,
      terminating: undefined,
    },
    ring: muted,
    selected: css.getPropertyValue('--accent').trim() || '#1d4ed8',
  }
}

const describe = (p: GraphPod): string =>
  `${p.name}: ${p.status}${p.node ? ` on ${p.node}` : ''}${p.restarts ? `, ${p.restarts} restarts` : ''}`

/**
 * A group's pods as dots by state, drawn on one canvas: during a 500-replica rollout hundreds of dots change
 * every frame, and as DOM nodes their removal, style and layout cost more than a frame. A click picks the pod
 * under it; Break it offers the same choice in a keyboard-reachable list.
 */
export const PodCanvas = memo(function PodCanvas({ label, pods, selected, onSelect }: Props): ReactNode {
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [width, setWidth] = useState(0)
  const [colors, setColors] = useState<Palette | undefined>()
  const grid = useMemo(() => dotGrid(width, pods.length), [width, pods.length])
  // Each pod's state once per snapshot, for both the drawing and the summary: a rollout sends a new snapshot
  // every frame.
  const states = useMemo(() => pods.map(podDotState), [pods])
  const summary = useMemo(() => summarize(states), [states])

  useEffect(() => {
    const el = box.current
    if (!el) return
    // The width and colours are read when the observer first reports, after the frame's own layout: reading
    // them while committing would force a style and layout pass of the whole page (a group appears at the
    // start of every rollout).
    let coloured = false
    const observer = new ResizeObserver(([entry]) => {
      setWidth(Math.floor(entry?.contentRect.width ?? el.clientWidth))
      if (!coloured) setColors(palette(el))
      coloured = true
    })
    observer.observe(el)
    const stop = onThemeChange(() => setColors(palette(el)))
    return () => {
      observer.disconnect()
      stop()
    }
  }, [])

  useEffect(() => {
    const c = canvas.current
    const ctx = c?.getContext('2d')
    if (!c || !ctx || !colors || width === 0) return
    const ratio = window.devicePixelRatio || 1
    c.width = Math.ceil(grid.width * ratio)
    c.height = Math.ceil(grid.height * ratio)
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, grid.width, grid.height)
    const r = DOT / 2
    pods.forEach((p, i) => {
      const { x, y } = dotOrigin(grid, i)
      const fill = colors.fill[states[i]!]
      ctx.beginPath()
      ctx.arc(x + r, y + r, fill ? r : r - 0.75, 0, 2 * Math.PI)
      if (fill) {
        ctx.fillStyle = fill
        ctx.fill()
      } else {
        ctx.strokeStyle = colors.ring
        ctx.lineWidth = 1.5
        ctx.stroke()
      }
      if (p.name === selected) {
        ctx.beginPath()
        ctx.arc(x + r, y + r, r + 0.5, 0, 2 * Math.PI)
        ctx.strokeStyle = colors.selected
        ctx.lineWidth = 2
        ctx.stroke()
      }
    })
  }, [pods, states, selected, colors, width, grid])

  const podAt = (e: React.MouseEvent<HTMLCanvasElement>): GraphPod | undefined => {
    const rect = e.currentTarget.getBoundingClientRect()
    const i = dotAt(grid, pods.length, e.clientX - rect.left, e.clientY - rect.top)
    return i === undefined ? undefined : pods[i]
  }

  return (
    <div ref={box} className="graph-pods">
      {pods.length > 0 && width > 0 && (
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${label}: ${summary}`}
          style={{ width: grid.width, height: grid.height }}
          onClick={(e) => {
            const p = podAt(e)
            if (p) onSelect?.(p.name)
          }}
          onMouseMove={(e) => {
            // The tooltip names the pod under the pointer; set directly, so hovering re-renders nothing.
            const p = podAt(e)
            e.currentTarget.title = p ? describe(p) : ''
            e.currentTarget.style.cursor = p ? 'pointer' : 'default'
          }}
        />
      )}
      <div className="graph-legend muted small">{summary}</div>
    </div>
  )
})
