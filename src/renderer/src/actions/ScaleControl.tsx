import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import { replicaProblem, SCALE_CONFIRM_ABOVE, type ScalableKind } from '@shared/contract/scale-rules'
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

/** Steps of −/+ closer together than this are sent as one request for the final value. */
export const SCALE_COALESCE_MS = 400

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
  const [confirming, setConfirming] = useState<Pending | undefined>()
  const shown = optimistic ?? replicas
  // Read by rapid clicks before React re-renders, and by the send loop.
  const shownRef = useRef(shown)
  shownRef.current = shown
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const inFlight = useRef(false)
  const queued = useRef<{ target: number; confirm: boolean } | undefined>(undefined)

  useEffect(() => {
    // The watch caught up: its number is the truth again, unless a step is still waiting to be sent.
    if (timer.current !== undefined || inFlight.current) return
    setOptimistic(undefined)
    setDraft(String(replicas))
  }, [replicas])
  useEffect(() => () => clearTimeout(timer.current), [])

  const show = (target: number): void => {
    shownRef.current = target
    setOptimistic(target)
    setDraft(String(target))
  }

  const send = async (target: number, confirm: boolean): Promise<void> => {
    if (inFlight.current) {
      queued.current = { target, confirm }
      return
    }
    inFlight.current = true
    try {
      const result = await api.call('deployments.scale', {
        ...(context ? { context } : {}),
        kind,
        namespace,
        name,
        replicas: target,
        ...(confirm ? { confirm: true } : {}),
      })
      if (!queued.current)
        notice('ok', `Scaled ${name} to ${result.replicas} replica${result.replicas === 1 ? '' : 's'}.`)
    } catch (err) {
      queued.current = undefined
      clearTimeout(timer.current)
      timer.current = undefined
      setOptimistic(undefined)
      setDraft(String(replicas))
      const message = err instanceof Error ? err.message : String(err)
      setProblem(message)
      notice('error', message)
    } finally {
      inFlight.current = false
    }
    const next = queued.current
    queued.current = undefined
    if (next) await send(next.target, next.confirm)
  }

  /** Shows the value at once and sends it when the steps stop (or now, for a typed value). */
  const commit = (target: number, confirm: boolean, now: boolean): void => {
    show(target)
    clearTimeout(timer.current)
    timer.current = undefined
    if (now) return void send(target, confirm)
    timer.current = setTimeout(() => {
      timer.current = undefined
      void send(target, confirm)
    }, SCALE_COALESCE_MS)
  }

  const request = (target: number, typed: boolean): void => {
    const hard = replicaProblem(target, true)
    if (hard) {
      setProblem(hard)
      // A table row has no room for the message under the stepper.
      if (compact) notice('error', `${name}: ${hard}`)
      setDraft(String(shownRef.current))
      return
    }
    setProblem(undefined)
    if (target === shownRef.current) return setDraft(String(target))
    if (target === 0) return setConfirming({ target, reason: 'zero' })
    if (replicaProblem(target, false)) return setConfirming({ target, reason: 'large' })
    commit(target, false, typed)
  }

  const fromDraft = (): void => {
    const text = draft.trim()
    request(text === '' ? Number.NaN : Number(text), true)
  }

  return (
    <div className={compact ? 'scale-control compact' : 'scale-control'}>
      <div className="scale-stepper" role="group" aria-label={`Replicas of ${name}`}>
        <button
          type="button"
          className="secondary"
          aria-label="Fewer replicas"
          disabled={shown <= 0}
          onClick={() => request(shownRef.current - 1, false)}
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
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => !confirming && draft !== String(shown) && fromDraft()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              // Without this the Enter's keypress lands on the confirm dialog that just opened and presses
              // its first button (Cancel), dismissing it at once.
              e.preventDefault()
              fromDraft()
            }
            if (e.key === 'Escape') setDraft(String(shown))
          }}
        />
        <button
          type="button"
          className="secondary"
          aria-label="More replicas"
          onClick={() => request(shownRef.current + 1, false)}
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
        onClose={() => {
          setConfirming(undefined)
          setDraft(String(shownRef.current))
        }}
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
              setDraft(String(shownRef.current))
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
              if (c) commit(c.target, c.reason === 'large', true)
            }}
          >
            Scale to {confirming?.target}
          </button>
        </div>
      </Dialog>
    </div>
  )
}
