import type { ContextInfo } from '@shared/contract'

/**
 * Shown when the context about to go is the current one: what current-context becomes afterwards. kubectl
 * would leave it naming a context that no longer exists; Skiff offers the next one, or none.
 */
export function NextContextField(props: {
  removed: string
  contexts: readonly ContextInfo[]
  value: string
  onChange: (name: string) => void
}) {
  const others = props.contexts.filter((c) => c.name !== props.removed)
  return (
    <div className="next-context">
      <p>“{props.removed}” is your current context. Afterwards, kubectl and Skiff should use:</p>
      <label className="field">
        Current context afterwards
        <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {others.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
          <option value="">None (leave current-context empty)</option>
        </select>
      </label>
    </div>
  )
}
