import type { ApiError } from '@shared/contract'

/** An API error as a person reads it: the message, and the field problems when input was refused. */
export function ErrorBox({
  error,
  title = 'That did not work',
}: {
  error: ApiError | Error
  title?: string
}) {
  const issues = 'issues' in error ? error.issues : undefined
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {issues && issues.length > 1 && (
        <ul>
          {issues.map((i) => (
            <li key={i.path + i.message}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
