import type { ImportPreview } from '@shared/contract'
import type { Section, Typed } from './import-renames'

const singular: Record<Section, string> = { contexts: 'context', clusters: 'cluster', users: 'user' }

/** What the import adds, and a field for a new name wherever a name is already taken. */
export function ImportRenames(props: {
  preview: ImportPreview
  typed: Typed
  problems: Record<string, string>
  onChange: (typed: Typed) => void
}) {
  const sections = (['contexts', 'clusters', 'users'] as const).filter((s) => props.preview[s].length > 0)
  const clashes = sections.flatMap((s) =>
    props.preview[s].filter((e) => e.taken).map((e) => ({ section: s, name: e.name })),
  )
  const adds = sections.map(
    (s) => `${props.preview[s].length} ${singular[s]}${props.preview[s].length === 1 ? '' : 's'}`,
  )
  return (
    <div className="import-renames">
      <p className="muted small">This file adds {adds.join(', ') || 'nothing'}.</p>
      {clashes.length > 0 && (
        <fieldset className="field">
          <legend>
            {clashes.length === 1 ? 'This name is' : 'These names are'} already in your kubeconfig. Type a new
            name for the imported {clashes.length === 1 ? 'entry' : 'entries'}:
          </legend>
          {clashes.map(({ section, name }) => {
            const key = `${section}/${name}`
            const problem = props.problems[key]
            return (
              <label key={key} className="field">
                New name for {singular[section]} “{name}”
                <input
                  type="text"
                  value={props.typed[section][name] ?? ''}
                  aria-invalid={!!problem}
                  onChange={(e) =>
                    props.onChange({
                      ...props.typed,
                      [section]: { ...props.typed[section], [name]: e.target.value },
                    })
                  }
                />
                {problem && <span className="field-error">{problem}</span>}
              </label>
            )
          })}
        </fieldset>
      )}
    </div>
  )
}
