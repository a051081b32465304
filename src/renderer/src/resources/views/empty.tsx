import type { ReactNode } from 'react'

/** "in namespace demo" / "in namespaces a, b" / "in any namespace". */
export function scopeWords(namespaces: readonly string[]): string {
  if (namespaces.length === 0) return 'in any namespace'
  return namespaces.length === 1 ? `in namespace ${namespaces[0]}` : `in namespaces ${namespaces.join(', ')}`
}

/** The namespace to put in a suggested command: the chosen one, or a placeholder. */
export function nsFlag(namespaces: readonly string[]): string {
  return namespaces.length === 1 ? ` -n ${namespaces[0]}` : ''
}

/** An empty state that says what is missing and the command that would make some. */
export function Empty({
  title,
  hint,
  command,
}: {
  title: string
  hint: string
  command?: string
}): ReactNode {
  return (
    <>
      <p className="empty-title">{title}</p>
      <p>{hint}</p>
      {command && (
        <p>
          <code className="mono">{command}</code>
        </p>
      )}
    </>
  )
}
