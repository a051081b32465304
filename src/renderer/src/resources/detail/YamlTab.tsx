import { useState, type ReactNode } from 'react'
import { Highlight } from 'prism-react-renderer'
import { useCall } from '../../api/hooks'
import { ErrorBox } from '../../components/ErrorBox'
import type { Target } from './target'
import { EditObject } from '../../yaml/EditObject'
import { manifestRefOf } from '../../yaml/manifest-ref'

/** The object's YAML, fetched when this tab opens, highlighted with theme-aware CSS classes, copyable. */
export function YamlTab({ target }: { target: Target }): ReactNode {
  const yaml = useCall('resources.yaml', target)
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>()
  const [editing, setEditing] = useState(false)
  if (editing) return <EditObject target={manifestRefOf(target)} onDone={() => setEditing(false)} />
  if (yaml.isPending) return <p className="muted">Loading YAML…</p>
  if (yaml.isError) return <ErrorBox error={yaml.error} title="Could not read the YAML" />
  const text = yaml.data.yaml

  const copy = (): void => {
    // navigator.clipboard is missing outside secure contexts; say so instead of throwing.
    const write = navigator.clipboard
      ? navigator.clipboard.writeText(text)
      : Promise.reject(new Error('no clipboard'))
    write.then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    )
    setTimeout(() => setCopied(undefined), 2000)
  }

  return (
    <>
      <div className="card-header">
        <span className="muted small">{text.split('\n').length} lines</span>
        {/* Secret values stay hidden, so secrets are not edited as YAML. */}
        {target.kind !== 'secrets' && target.kind !== 'events' && (
          <button type="button" className="compact" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" className="secondary compact" onClick={copy}>
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
      </div>
      <Highlight code={text.replace(/\n$/, '')} language="yaml">
        {({ tokens, getLineProps, getTokenProps }) => (
          <pre className="yaml mono" aria-label="YAML">
            {tokens.map((line, i) => {
              const { style: _ls, ...lineProps } = getLineProps({ line })
              return (
                <div key={i} {...lineProps}>
                  {line.map((token, j) => {
                    const { style: _ts, ...tokenProps } = getTokenProps({ token })
                    return <span key={j} {...tokenProps} />
                  })}
                </div>
              )
            })}
          </pre>
        )}
      </Highlight>
    </>
  )
}
