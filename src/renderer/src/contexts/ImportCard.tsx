import { useState } from 'react'
import { useContextAction } from './useContextAction'

/** Merge another kubeconfig file into one of yours; name clashes are refused by the backend, listed here. */
export function ImportCard({ files }: { files: string[] }) {
  const [content, setContent] = useState<{ name: string; text: string } | undefined>()
  const [target, setTarget] = useState('')
  const action = useContextAction('contexts.import', () => `Imported ${content?.name ?? 'the file'}.`)
  const targetFile = target || files[0] || ''
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a kubeconfig</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (content && targetFile)
            action.mutate({ content: content.text, targetFile }, { onSuccess: () => setContent(undefined) })
        }}
      >
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
        <button type="submit" disabled={!content || !targetFile || action.isPending}>
          {action.isPending ? 'Importing…' : 'Import'}
        </button>
      </form>
      {files.length === 0 && (
        <p className="muted small">There is no readable kubeconfig file to merge into yet.</p>
      )}
    </section>
  )
}
