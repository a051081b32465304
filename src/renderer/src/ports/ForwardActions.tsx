import { useState, type ReactNode } from 'react'
import type { PortForward } from '@shared/contract'
import { api } from '../api/client'

/** Open in the browser, copy the URL, stop: the same three buttons wherever a forward is shown. */
export function ForwardActions({ forward }: { forward: PortForward }): ReactNode {
  const [copied, setCopied] = useState(false)
  const [problem, setProblem] = useState<string>()
  return (
    <span className="forward-actions">
      <button
        type="button"
        className="secondary compact"
        onClick={() => window.open(forward.url, '_blank', 'noopener,noreferrer')}
      >
        Open
      </button>
      <button
        type="button"
        className="secondary compact"
        onClick={() =>
          void navigator.clipboard.writeText(forward.url).then(
            () => setCopied(true),
            () => setProblem('The clipboard refused the URL; select it and copy it by hand.'),
          )
        }
      >
        {copied ? 'Copied' : 'Copy URL'}
      </button>
      <button
        type="button"
        className="secondary compact"
        onClick={() =>
          void api.call('ports.stop', { id: forward.id }).catch((err: Error) => setProblem(err.message))
        }
      >
        Stop
      </button>
      {problem && (
        <span className="field-error small" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}
