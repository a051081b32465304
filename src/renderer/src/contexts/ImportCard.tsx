import { useEffect, useState } from 'react'
import { useCall } from '../api/hooks'
import { ImportRenames } from './ImportRenames'
import { initialNames, renamesFrom, type Typed } from './import-renames'
import { useContexts } from './useContexts'
import { useContextAction } from './useContextAction'

/** Merge another kubeconfig file into one of yours; names that clash get fields to type new ones first. */
export function ImportCard({ files }: { files: string[] }) {
  const [content, setContent] = useState<{ name: string; text: string } | undefined>()
  const [target, setTarget] = useState('')
  const [typed, setTyped] = useState<Typed | undefined>()
  const targetFile = target || files[0] || ''
  const preview = useCall(
    'contexts.importPreview',
    { content: content?.text ?? '', targetFile },
    { enabled: !!content && !!targetFile },
  )
  const contextNames = useContexts().data?.contexts.map((c) => c.name) ?? []
  useEffect(() => setTyped(preview.data ? initialNames(preview.data) : undefined), [preview.data])
  const action = useContextAction('contexts.import', () => `Imported ${content?.name ?? 'the file'}.`)
  const check =
    preview.data && typed ? renamesFrom(preview.data, typed, { contexts: contextNames }) : undefined
  const blocked = !check || Object.keys(check.problems).length > 0

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a kubeconfig</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (content && targetFile && check && !blocked)
            action.mutate(
              { content: content.text, targetFile, sourceName: content.name, renames: check.renames },
              { onSuccess: () => setContent(undefined) },
            )
        }}
      >
        <div className="inline-form">
          <label className="field">
            File to import
            <input
              type="file"
              accept=".yaml,.yml,.conf,.config,text/yaml,*/*"
              onChange={async (e) => {
                const file = e.target.files?.[0]
                setContent(file ? { name: file.name, text: await file.text() } : undefined)
              }}
            />
          </label>
          <label className="field">
            Merge into
            <select
              value={targetFile}
              onChange={(e) => setTarget(e.target.value)}
              disabled={files.length === 0}
            >
              {files.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!content || !targetFile || blocked || action.isPending}>
            {action.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
        {content && preview.isError && <p className="field-error">{preview.error.message}</p>}
        {preview.data && typed && check && (
          <ImportRenames preview={preview.data} typed={typed} problems={check.problems} onChange={setTyped} />
        )}
      </form>
      {files.length === 0 && (
        <p className="muted small">There is no readable kubeconfig file to merge into yet.</p>
      )}
    </section>
  )
}
