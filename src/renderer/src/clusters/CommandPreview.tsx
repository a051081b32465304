import './dev-loop.css'
import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiError, CreatePreview, MethodInput } from '@shared/contract'
import { api } from '../api/client'

/** The exact command lines (and kind's config) a create would run, asked of the backend as the form changes. */
export function CommandPreview({ input }: { input: MethodInput<'clusters.create'> }) {
  // Typing a name should not ask on every key stroke.
  const key = JSON.stringify(input)
  const [settled, setSettled] = useState(key)
  useEffect(() => {
    const t = setTimeout(() => setSettled(key), 250)
    return () => clearTimeout(t)
  }, [key])
  const preview = useQuery<CreatePreview, ApiError>({
    queryKey: ['clusters.preview', settled],
    queryFn: () => api.call('clusters.preview', JSON.parse(settled) as MethodInput<'clusters.preview'>),
    retry: false,
    placeholderData: (previous) => previous,
  })
  return (
    <section className="command-preview" aria-label="What will run">
      <h3 className="small">What will run</h3>
      {preview.isError && <p className="field-error">{preview.error.message}</p>}
      {preview.data && preview.data.commands.length > 0 && (
        <pre className="mono command-lines" data-testid="command-preview">
          {preview.data.commands.map((c) => `$ ${c}`).join('\n')}
        </pre>
      )}
      {preview.data?.config && (
        <details>
          <summary className="small">kind config (given on stdin)</summary>
          <pre className="mono command-lines" data-testid="kind-config">
            {preview.data.config}
          </pre>
        </details>
      )}
      {preview.data?.notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
    </section>
  )
}
