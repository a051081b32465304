import { useState, type ReactNode } from 'react'
import type { ChaosRequest, ReconcileSnapshot } from '@shared/contract'

interface Props {
  snapshot: ReconcileSnapshot
  busy: boolean
  act: (request: ChaosRequest) => Promise<void>
}

const ALL = ''

/**
 * Break it for image pulls: the sandbox's registry made slow or failing for one of the workload's images (or
 * every image). Only new pulls feel it: kill a pod or change the image to see a pod meet it.
 */
export function PullTrouble({ snapshot, busy, act }: Props): ReactNode {
  const fromSpec = snapshot.facts.find((f) => f.label === 'Image')?.value.split(', ') ?? []
  const images = [...new Set([...fromSpec, ...snapshot.groups.flatMap((g) => g.images)])].filter(Boolean)
  const [image, setImage] = useState<string>(images[0] ?? ALL)
  const [seconds, setSeconds] = useState('30')
  const target = image === ALL ? {} : { image }
  const rules = snapshot.sandbox?.pulls ?? []
  const wait = Number(seconds)
  const waitOk = Number.isInteger(wait) && wait >= 1 && wait <= 3600
  return (
    <div className="break-row" role="group" aria-label="Image pulls">
      <label className="small">
        Pulls of{' '}
        <select value={image} onChange={(e) => setImage(e.target.value)}>
          {images.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
          <option value={ALL}>every image</option>
        </select>
      </label>
      <label className="small">
        take{' '}
        <input
          type="number"
          min={1}
          max={3600}
          className="pull-seconds"
          value={seconds}
          onChange={(e) => setSeconds(e.target.value)}
          aria-label="Seconds a slow pull takes"
        />{' '}
        s
      </label>
      <button
        type="button"
        disabled={busy || !waitOk}
        onClick={() => void act({ action: 'slow-pulls', ...target, seconds: wait })}
      >
        Slow pulls
      </button>
      <button type="button" disabled={busy} onClick={() => void act({ action: 'fail-pulls', ...target })}>
        Fail pulls
      </button>
      {rules.length > 0 && (
        <>
          <span className="small warn-text" role="status">
            {rules
              .map(
                (r) =>
                  `${r.image ?? 'every image'}: ${r.trouble.mode === 'fail' ? 'failing' : `${r.trouble.seconds} s`}`,
              )
              .join('; ')}
          </span>
          {rules.map((r) => (
            <button
              key={r.image ?? ALL}
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void act({ action: 'heal-pulls', ...(r.image ? { image: r.image } : {}) })}
            >
              Heal pulls of {r.image ?? 'every image'}
            </button>
          ))}
        </>
      )}
    </div>
  )
}
