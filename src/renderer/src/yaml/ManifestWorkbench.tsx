import { useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ApiError, ManifestResult } from '@shared/contract'
import { api } from '../api/client'
import { ErrorBox } from '../components/ErrorBox'
import { ActivityLog } from './ActivityLog'
import { ApplyResults } from './ApplyResults'
import { CodeEditor } from './CodeEditor'
import { clusterSchemas } from './schemas'
import { templates } from './templates'
import './yaml.css'

type Busy = 'preview' | 'apply' | undefined

/** Files bigger than this are not manifests anyone pastes; refuse them before reading. */
const MAX_FILE_BYTES = 800_000

/**
 * Create and apply: write, paste, open or drop a manifest; Preview dry-runs every document on the server and
 * shows what would change; Apply sends it with server-side apply (fieldManager=skiff) and reports each document.
 */
export function ManifestWorkbench({ context }: { context?: string }): ReactNode {
  const [text, setText] = useState('')
  const [result, setResult] = useState<ManifestResult | undefined>()
  const [error, setError] = useState<ApiError | Error | undefined>()
  const [busy, setBusy] = useState<Busy>()
  const [focus, setFocus] = useState<{ line: number; seq: number } | undefined>()
  const [dragging, setDragging] = useState(false)
  const queries = useQueryClient()
  const schemas = useMemo(() => clusterSchemas(context), [context])
  const outcome = useRef<HTMLDivElement>(null)
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    void outcome.current?.scrollIntoView({ block: 'nearest' })
  }, [result, error])
  const hasConflicts = result?.documents.some((d) => d.outcome === 'conflict') ?? false

  const run = async (kind: 'preview' | 'apply', force = false): Promise<void> => {
    setBusy(kind)
    setError(undefined)
    try {
      const input = { ...(context ? { context } : {}), text, ...(force ? { force: true } : {}) }
      setResult(await api.call(kind === 'preview' ? 'manifests.preview' : 'manifests.apply', input))
      if (kind === 'apply') void queries.invalidateQueries({ queryKey: ['activity.list'] })
    } catch (err) {
      setError(err as ApiError)
      setResult(undefined)
    } finally {
      setBusy(undefined)
    }
  }

  const load = (file: File): void => {
    if (file.size > MAX_FILE_BYTES) {
      setError(
        new Error(
          `${file.name} is ${Math.round(file.size / 1024)} KB; manifests over 800 KB are not opened.`,
        ),
      )
      return
    }
    file.text().then(
      (t) => {
        setText(t)
        setResult(undefined)
      },
      () => setError(new Error(`Could not read ${file.name}.`)),
    )
  }
  const onDrop = (e: DragEvent): void => {
    setDragging(false)
    // CodeMirror inserts a file dropped on its text at the drop point itself; only drops elsewhere load here.
    if (e.defaultPrevented) return
    e.preventDefault()
    const file = e.dataTransfer.files[0]
    if (file) load(file)
  }

  const lineHints = useMemo(
    () =>
      (result?.documents ?? [])
        .filter((d) => d.message && d.line)
        .map((d) => ({
          line: d.line ?? d.startLine,
          message: d.message ?? '',
          severity: d.outcome === 'failed' ? ('error' as const) : ('warning' as const),
        })),
    [result],
  )

  return (
    <div className="stack yaml-workbench">
      <section className="card" aria-labelledby="manifest-title">
        <div className="card-header">
          <h2 id="manifest-title">Manifest</h2>
          <div className="toolbar">
            <label className="visually-hidden" htmlFor="manifest-template">
              New from a template
            </label>
            <select
              id="manifest-template"
              value=""
              onChange={(e) => {
                const t = templates.find((x) => x.id === e.target.value)
                if (t) {
                  setText(t.text)
                  setResult(undefined)
                }
              }}
            >
              <option value="">New from template…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
            <label className="button secondary compact file-button">
              Open file…
              <input
                type="file"
                accept=".yaml,.yml,.json,text/yaml,application/json"
                onChange={(e) => {
                  const f = e.target.files?.[0]
                  if (f) load(f)
                  e.target.value = ''
                }}
              />
            </label>
          </div>
        </div>
        <div
          className={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <CodeEditor
            value={text}
            onChange={(t) => setText(t)}
            label="Manifest YAML"
            schemas={schemas}
            lineHints={lineHints}
            focusLine={focus}
          />
          {!text && (
            <p className="drop-hint muted">Paste YAML, pick a template, open a file or drop one here.</p>
          )}
        </div>
        <div className="actions-row">
          <button
            type="button"
            className="secondary"
            disabled={!text.trim() || busy !== undefined}
            onClick={() => void run('preview')}
          >
            {busy === 'preview' ? 'Previewing…' : 'Preview'}
          </button>
          <button
            type="button"
            disabled={!text.trim() || busy !== undefined}
            onClick={() => void run('apply')}
          >
            {busy === 'apply' ? 'Applying…' : 'Apply'}
          </button>
          {hasConflicts && (
            <button
              type="button"
              className="danger"
              disabled={busy !== undefined}
              onClick={() => void run('apply', true)}
            >
              Take ownership and apply
            </button>
          )}
          <span className="muted small">Server-side apply as “skiff”; Preview changes nothing.</span>
        </div>
        <div ref={outcome}>
          {error && <ErrorBox error={error} title="Could not send the manifest" />}
          {result && (
            <ApplyResults result={result} onShowLine={(line) => setFocus({ line, seq: Date.now() })} />
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="activity-title">
        <h2 id="activity-title">Activity this session</h2>
        <ActivityLog />
      </section>
    </div>
  )
}
