import { useState, type ReactNode } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { ApiError, ResourceDetail } from '@shared/contract'
import { api } from '../../api/client'
import { thousands } from '../../components/plural'

/** A secret's keys, from the detail's "Data" section (values there are sizes, never the secret itself). */
export function secretKeys(detail: ResourceDetail): { key: string; info: string }[] {
  const data = detail.sections.find((s) => s.title.toLowerCase() === 'data')
  return data ? data.items.map((i) => ({ key: i.label, info: i.value })) : []
}

interface SecretId {
  context?: string
  namespace: string
  name: string
}

function SecretKey({ secret, name, info }: { secret: SecretId; name: string; info: string }): ReactNode {
  const [shown, setShown] = useState(false)
  const reveal = useMutation<{ value: string; binary: boolean; size: number }, ApiError>({
    mutationFn: () => api.call('secrets.reveal', { ...secret, key: name }),
    onSuccess: () => setShown(true),
  })
  const value = shown ? reveal.data : undefined
  return (
    <>
      <dt className="mono">{name}</dt>
      <dd>
        <div className="secret-value">
          {value ? (
            value.binary ? (
              <span className="muted">binary, {thousands(value.size)} bytes</span>
            ) : (
              <code aria-label={`Value of ${name}`}>{value.value}</code>
            )
          ) : (
            <span className="muted" aria-label={`${name} is hidden`}>
              •••••••• <span className="small">{info}</span>
            </span>
          )}
          {value ? (
            <button type="button" className="secondary compact" onClick={() => setShown(false)}>
              Hide
            </button>
          ) : (
            <button
              type="button"
              className="secondary compact"
              disabled={reveal.isPending}
              onClick={() => reveal.mutate()}
              aria-label={`Reveal ${name}`}
            >
              {reveal.isPending ? 'Revealing…' : 'Reveal'}
            </button>
          )}
        </div>
        {reveal.isError && <div className="rv-field-error">{reveal.error.message}</div>}
      </dd>
    </>
  )
}

/** Keys listed with values masked until "Reveal" for that key; values are fetched one at a time, never cached. */
export function SecretData({
  secret,
  keys,
}: {
  secret: SecretId
  keys: { key: string; info: string }[]
}): ReactNode {
  return (
    <section className="detail-section">
      <h3>Data</h3>
      {keys.length === 0 ? (
        <p className="muted small">This secret has no keys.</p>
      ) : (
        <dl className="facts">
          {keys.map((k) => (
            <SecretKey key={k.key} secret={secret} name={k.key} info={k.info} />
          ))}
        </dl>
      )}
    </section>
  )
}
