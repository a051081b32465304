import { useState, type ReactNode } from 'react'
import type { ChaosRequest, ReconcileSnapshot } from '@shared/contract'
import { api } from '../api/client'
import { useNotice } from '../components/Notice'
import { PullTrouble } from './PullTrouble'

interface Props {
  context?: string
  snapshot: ReconcileSnapshot
  /** The pod picked in the graph or the list here; the first pod when none is. */
  selected?: string
  onSelect: (pod: string) => void
}

const OFFERED = 50

/** Simulated failures for a sandbox cluster; each one shows in the timeline, followed by the healing. */
export function BreakIt({ context, snapshot, selected, onSelect }: Props): ReactNode {
  const notice = useNotice()
  const [busy, setBusy] = useState(false)
  const pods = snapshot.groups.flatMap((g) => g.pods).filter((p) => !p.deleting)
  const pod = pods.find((p) => p.name === selected)?.name ?? pods[0]?.name
  // The list offers the first pods (and the one picked in the graph): hundreds of options would be re-rendered
  // on every frame of a big rollout, and any dot can be picked in the graph.
  const offered = pods.slice(0, OFFERED)
  const picked = pods.find((p) => p.name === pod)
  if (picked && !offered.includes(picked)) offered.push(picked)
  const [node, setNode] = useState<string | undefined>()
  const nodeName = node ?? snapshot.nodes[0]?.name
  const nodeReady = snapshot.nodes.find((n) => n.name === nodeName)?.ready ?? true
  const paused = snapshot.sandbox?.controllersPaused ?? false

  const act = async (request: ChaosRequest): Promise<void> => {
    setBusy(true)
    try {
      const r = await api.call('chaos.act', { ...(context ? { context } : {}), request })
      notice('ok', r.message)
    } catch (err) {
      notice('error', err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  const ns = snapshot.namespace
  return (
    <section className="break-it" aria-label="Break it (simulated)">
      <h3>
        Break it <span className="simulated-badge">simulated</span>
      </h3>
      <p className="muted small">
        These failures are simulated by the sandbox. Break something and watch the controllers heal it.
      </p>
      <div className="break-row" role="group" aria-label="Pod">
        <label className="small">
          Pod{' '}
          <select value={pod ?? ''} onChange={(e) => onSelect(e.target.value)} disabled={!pod}>
            {offered.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={busy || !pod}
          onClick={() => pod && void act({ action: 'kill-pod', namespace: ns, pod })}
        >
          Kill pod
        </button>
        <button
          type="button"
          disabled={busy || !pod}
          onClick={() => pod && void act({ action: 'crash-container', namespace: ns, pod })}
        >
          Crash container
        </button>
      </div>
      {nodeName && (
        <div className="break-row" role="group" aria-label="Node">
          <label className="small">
            Node{' '}
            <select value={nodeName} onChange={(e) => setNode(e.target.value)}>
              {snapshot.nodes.map((n) => (
                <option key={n.name} value={n.name}>
                  {n.name}
                  {n.ready ? '' : ' (NotReady)'}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={busy}
            onClick={() => void act({ action: nodeReady ? 'node-not-ready' : 'node-ready', node: nodeName })}
          >
            {nodeReady ? 'Make node NotReady' : 'Make node Ready'}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void act({ action: 'exhaust-memory', node: nodeName })}
          >
            Exhaust memory
          </button>
        </div>
      )}
      <PullTrouble snapshot={snapshot} busy={busy} act={act} />
      <div className="break-row" role="group" aria-label="Controllers">
        <button
          type="button"
          disabled={busy}
          aria-pressed={paused}
          onClick={() => void act({ action: paused ? 'resume-controllers' : 'pause-controllers' })}
        >
          {paused ? 'Resume controllers' : 'Pause controllers'}
        </button>
        {paused && <span className="small warn-text">Controllers are paused: nothing heals.</span>}
      </div>
    </section>
  )
}
