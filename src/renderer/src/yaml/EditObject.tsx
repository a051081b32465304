import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ApiError, EditResult, ManifestRef } from '@shared/contract'
import { api } from '../api/client'
import { useCall } from '../api/hooks'
import { DiffView } from '../actions/DiffView'
import { ErrorBox } from '../components/ErrorBox'
import { CodeEditor } from './CodeEditor'
import { clusterSchemas } from './schemas'
import './yaml.css'

type Busy = 'preview' | 'save' | undefined

function Outcome({ result }: { result: EditResult }): ReactNode {
  if (result.outcome === 'conflict') {
    return (
      <table className="conflict-table">
        <caption>Changed by someone else since you opened it</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Yours</th>
            <th scope="col">Theirs (live)</th>
            <th scope="col">When you opened it</th>
          </tr>
        </thead>
        <tbody>
          {result.conflicts.map((c) => (
            <tr key={c.path}>
              <td className="mono">{c.path}</td>
              <td>
                <pre className="mono">{c.yours}</pre>
              </td>
              <td>
                <pre className="mono">{c.theirs}</pre>
              </td>
              <td>
                <pre className="mono">{c.base}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )
  }
  const notes = [...result.dropped, ...result.warnings]
  return (
    <>
      <p role="status">
        {result.outcome === 'unchanged'
          ? 'Nothing to save: the YAML is as you opened it.'
          : result.dryRun
            ? 'Preview: the live object would change like this.'
            : 'Saved.'}{' '}
        {!result.dryRun && <a href="#yaml">See the activity log</a>}
      </p>
      {notes.length > 0 && (
        <ul className="edit-notes" aria-label="The server did not keep everything">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {result.outcome !== 'unchanged' && (
        <DiffView
          leftTitle="Live"
          left={result.before}
          rightTitle={result.dryRun ? 'After save' : 'Now'}
          right={result.after}
        />
      )}
    </>
  )
}

/**
 * Edit one live object as YAML (any kind: it takes a manifest ref). Save sends only what you changed since you
 * opened it, so a controller's status update never fails it; a field changed on both sides stops it instead.
 */
export function EditObject({ target, onDone }: { target: ManifestRef; onDone: () => void }): ReactNode {
  const opened = useCall('manifests.open', target)
  const [text, setText] = useState<string | undefined>()
  const [result, setResult] = useState<EditResult | undefined>()
  const [error, setError] = useState<ApiError | undefined>()
  const [busy, setBusy] = useState<Busy>()
  const queries = useQueryClient()
  const schemas = useMemo(() => clusterSchemas(target.context), [target.context])
  const outcome = useRef<HTMLDivElement>(null)
  // A preview, a conflict or a save shows below the editor: bring it into view.
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    void outcome.current?.scrollIntoView({ block: 'nearest' })
  }, [result, error])

  if (opened.isPending) return <p className="muted">Loading the YAML…</p>
  if (opened.isError) return <ErrorBox error={opened.error} title="Could not open the object for editing" />
  const base = opened.data.yaml
  const current = text ?? base

  const send = async (kind: 'preview' | 'save', force = false): Promise<void> => {
    setBusy(kind)
    setError(undefined)
    try {
      const input = { ...target, base, text: current, ...(force ? { force: true } : {}) }
      const r = await api.call(kind === 'preview' ? 'manifests.previewEdit' : 'manifests.saveEdit', input)
      setResult(r)
      if (kind === 'save') {
        void queries.invalidateQueries({ queryKey: ['activity.list'] })
        void queries.invalidateQueries({ queryKey: ['resources.yaml'] })
        // The saved version is the base of the next edit, so editing twice works like the first time.
        if (r.outcome === 'saved') {
          await opened.refetch()
          setText(undefined)
        }
      }
    } catch (err) {
      setError(err as ApiError)
    } finally {
      setBusy(undefined)
    }
  }
  const reload = async (): Promise<void> => {
    setResult(undefined)
    setText(undefined)
    await opened.refetch()
  }

  return (
    <div className="edit-object">
      <CodeEditor
        value={current}
        onChange={setText}
        label={`YAML of ${target.kind} ${target.name}`}
        schemas={schemas}
      />
      <div className="actions-row">
        <button
          type="button"
          className="secondary"
          disabled={busy !== undefined}
          onClick={() => void send('preview')}
        >
          {busy === 'preview' ? 'Previewing…' : 'Preview changes'}
        </button>
        <button type="button" disabled={busy !== undefined} onClick={() => void send('save')}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        {result?.outcome === 'conflict' && (
          <>
            <button
              type="button"
              className="danger"
              disabled={busy !== undefined}
              onClick={() => void send('save', true)}
            >
              Save mine anyway
            </button>
            <button type="button" className="secondary" onClick={() => void reload()}>
              Discard mine and reload
            </button>
          </>
        )}
        <button type="button" className="secondary" onClick={onDone}>
          Close editor
        </button>
      </div>
      <div ref={outcome}>
        {error && <ErrorBox error={error} title="Could not save" />}
        {result && <Outcome result={result} />}
      </div>
    </div>
  )
}
