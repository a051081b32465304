import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { replicaProblem, SCALE_CONFIRM_ABOVE, type ScalableKind } from '@shared/contract'
import { Dialog } from '../components/Dialog'
import { useNotice } from '../components/Notice'
import type { PodRow } from '@shared/rows'
import { PodDots } from './PodDots'
import './actions.css'

export interface ScaleControlProps {
  context?: string
  kind?: ScalableKind
  namespace: string
  name: string
  /** The object's spec.replicas as the watch last reported it. */
  replicas: number
  /** The object's pods, for the status dots (optional). */
  pods?: PodRow[]
  compact?: boolean
}

type Pending = { target: number; reason: 'zero' | 'large' }

/** A replica stepper: −/+ and a number field; optimistic, rolled back when the API server refuses. */
export function ScaleControl({
  context,
  kind = 'deployments',
  namespace,
  name,
  replicas,
  pods,
  compact,
}: ScaleControlProps) {
  const notice = useNotice()
  // The value the person asked for while the server has not reported it yet.
  const [optimistic, setOptimistic] = useState<number | undefined>()
  const [draft, setDraft] = useState(String(replicas))
  const [problem, setProblem] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState<Pending | undefined>()
  const shown = optimistic ?? replicas

  useEffect(() => {
    // The watch caught up: its number is the truth again.
    setOptimistic(undefined)
    setDraft(String(replicas))
  }, [replicas])

  const send = async (target: number, confirm: boolean): Promise<void> => {
    const before = optimistic
    setOptimistic(target)
    setDraft(String(target))
    setBusy(true)
    try {
      const result = await api.call('deployments.scale', {
        ...(context ? { context } : {}),
        kind,
        namespace,
        name,
        replicas: target,
        ...(confirm ? { confirm: true } : {}),
      })
      notice('ok', `Scaled ${name} to ${result.replicas} replica${result.replicas === 1 ? '' : 's'}.`)
    } catch (err) {
      setOptimistic(before)
      setDraft(String(before ?? replicas))
      const message = err instanceof Error ? err.message : String(err)
      setProblem(message)
      notice('error', message)
    } finally {
      setBusy(false)
    }
  }

  const request = (target: number): void => {
    const hard = replicaProblem(target, true)
    if (hard) {
      setProblem(hard)
      // A table row has no room for the message under the stepper.
      if (compact) notice('error', `${name}: ${hard}`)
      setDraft(String(shown))
      return
    }
    setProblem(undefined)
    if (target === shown) return
    if (target === 0) return setConfirming({ target, reason: 'zero' })
    if (replicaProblem(target, false)) return setConfirming({ target, reason: 'large' })
    void send(target, false)
  }

  const fromDraft = (): void => {
    const text = draft.trim()
    request(text === '' ? Number.NaN : Number(text))
  }

  return (
    <div className={compact ? 'scale-control compact' : 'scale-control'}>
      <div className="scale-stepper" role="group" aria-label={`Replicas of ${name}`}>
        <button
          type="button"
          className="secondary"
          aria-label="Fewer replicas"
          disabled={busy || shown <= 0}
          onClick={() => request(shown - 1)}
        >
          −
        </button>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          aria-label="Replicas"
          aria-invalid={problem ? true : undefined}
          title={problem}
          value={draft}
          disabled={busy}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft !== String(shown) && fromDraft()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') fromDraft()
            if (e.key === 'Escape') setDraft(String(shown))
          }}
        />
        <button
          type="button"
          className="secondary"
          aria-label="More replicas"
          disabled={busy}
          onClick={() => request(shown + 1)}
        >
          +
        </button>
      </div>
      {pods && <PodDots pods={pods} />}
      {problem && !compact && (
        <p className="scale-problem" role="alert">
          {problem}
        </p>
      )}
      <Dialog
        title={confirming ? `Scale ${name} to ${confirming.target}?` : `Scale ${name}`}
        open={!!confirming}
        onClose={() => setConfirming(undefined)}
      >
        <p>
          {confirming?.reason === 'zero'
            ? 'Every pod will be stopped and the workload will serve nothing until it is scaled up again.'
            : `That is more than ${SCALE_CONFIRM_ABOVE} replicas. Check the number before going on.`}
        </p>
        <div className="dialog-buttons">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setConfirming(undefined)
              setDraft(String(shown))
            }}
          >
            Cancel
          </button>
          <button
            type="button"
            className={confirming?.reason === 'zero' ? 'danger' : undefined}
            onClick={() => {
              const c = confirming
              setConfirming(undefined)
              if (c) void send(c.target, c.reason === 'large')
            }}
          >
            Scale to {confirming?.target}
          </button>
        </div>
      </Dialog>
    </div>
  )
}
