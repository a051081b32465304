import { useState, type ReactNode } from 'react'
import type { PodRow } from '@shared/rows'
import { replacementPod } from './replacement'
import { openSession, useSessions } from './session-store'
import { TerminalView } from './TerminalView'
import './terminal.css'

export interface ShellTarget {
  context?: string
  namespace: string
  pod: string
}

/**
 * A pod's Shell tab: pick a container, then open a shell (bash, else sh) or attach to its main process. A
 * session starts only from these buttons, never from a link, an imported file or a restored page.
 */
export function ShellTab({
  target,
  row,
  pods,
}: {
  target: ShellTarget
  /** The pod's live row: its containers and owner. */
  row: PodRow
  /** Pods in its namespace, to find the replacement when a reconnect finds the pod gone. */
  pods: readonly PodRow[]
}): ReactNode {
  const origin = `${target.context ?? ''}/${target.namespace}/${target.pod}`
  const sessions = useSessions().filter((s) => s.origin === origin && !s.docked)
  const [container, setContainer] = useState(row.containers[0] ?? '')
  const open = (mode: 'exec' | 'attach'): void => {
    openSession({ ...target, container }, mode, origin)
  }
  return (
    <div className="shell-tab">
      <div className="shell-controls">
        <label>
          Container{' '}
          <select value={container} onChange={(e) => setContainer(e.target.value)}>
            {row.containers.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => open('exec')} disabled={!container}>
          Open shell
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => open('attach')}
          disabled={!container}
          title="Attach to the container’s main process (for containers started with stdin and a TTY)"
        >
          Attach
        </button>
      </div>
      {row.phase !== 'Running' && (
        <p className="muted small">This pod is {row.status}; a shell needs a running container.</p>
      )}
      {sessions.length === 0 ? (
        <p className="muted small">
          A shell runs bash if the image has it, else sh. Several may be open at once; move one to the dock or
          to a tab of its own to keep it while you look elsewhere.
        </p>
      ) : (
        sessions.map((s) => (
          <TerminalView
            key={s.key}
            session={s}
            panelPod={target.pod}
            onReconnect={() =>
              replacementPod(pods, { namespace: target.namespace, name: s.target.pod, owner: row.owner })
            }
          />
        ))
      )}
    </div>
  )
}
