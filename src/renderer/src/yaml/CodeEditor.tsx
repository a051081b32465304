import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { EditorHandle } from './editor-setup'
import type { Hint, SchemaSource } from './schema-help'

export interface CodeEditorProps {
  value: string
  onChange: (text: string) => void
  /** Read by screen readers as the editor's name. */
  label: string
  schemas: SchemaSource
  /** Server messages pinned to lines (1-based), shown as diagnostics. */
  lineHints?: { line: number; message: string; severity: 'error' | 'warning' }[]
  /** Move the cursor to this line when it changes (e.g. "show me" on a result). */
  focusLine?: { line: number; seq: number }
}

function toHints(text: string, hints: CodeEditorProps['lineHints']): Hint[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (hints ?? []).map((h) => {
    const from = starts[Math.max(0, Math.min(h.line - 1, starts.length - 1))] ?? 0
    const next = starts[h.line] ?? text.length + 1
    return { from, to: Math.max(from, next - 1), severity: h.severity, message: h.message }
  })
}

/**
 * The YAML editor (CodeMirror 6). Its code is fetched the first time an editor mounts, so it costs the first
 * paint nothing; until then a plain message holds its place.
 */
export function CodeEditor(props: CodeEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null)
  const handle = useRef<EditorHandle | undefined>(undefined)
  const latest = useRef(props)
  latest.current = props
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')

  useEffect(() => {
    let cancelled = false
    const el = host.current
    import('./editor-setup').then(
      ({ createEditor }) => {
        if (cancelled || !el) return
        handle.current = createEditor({
          parent: el,
          doc: latest.current.value,
          label: latest.current.label,
          schemas: (v) => latest.current.schemas(v),
          onChange: (text) => latest.current.onChange(text),
          extraHints: () => toHints(latest.current.value, latest.current.lineHints),
        })
        setState('ready')
      },
      () => !cancelled && setState('failed'),
    )
    return () => {
      cancelled = true
      handle.current?.destroy()
      handle.current = undefined
    }
  }, [])

  useEffect(() => {
    handle.current?.setText(props.value)
  }, [props.value])
  useEffect(() => {
    handle.current?.relint()
  }, [props.lineHints])
  useEffect(() => {
    if (props.focusLine) handle.current?.focusLine(props.focusLine.line)
  }, [props.focusLine])

  return (
    <>
      <div className="code-editor" data-state={state}>
        {state === 'loading' && <p className="muted code-editor-wait">Loading the editor…</p>}
        {state === 'failed' && (
          <p className="error-text" role="alert">
            The editor could not be loaded. Reload the window to try again.
          </p>
        )}
        <div ref={host} className="code-editor-host" />
      </div>
      <p className="muted small editor-keys">
        Ctrl+Space suggests fields from the cluster’s schema · Tab indents · Esc then Tab leaves the editor
      </p>
    </>
  )
}
