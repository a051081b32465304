import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { AccessAnswer } from '@shared/contract'
import { api } from '../../api/client'

const VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'impersonate',
]

/** "resource.group" as kubectl auth can-i takes it: `deployments.apps` → group apps, resource deployments. */
function splitResource(text: string): { resource: string; group: string; subresource?: string } {
  const [head = '', sub] = text.trim().split('/')
  const dot = head.indexOf('.')
  const resource = dot < 0 ? head : head.slice(0, dot)
  const group = dot < 0 ? '' : head.slice(dot + 1)
  return { resource, group, ...(sub ? { subresource: sub } : {}) }
}

/** `kubectl auth can-i` as a form: asks the API server (SelfSubjectAccessReview) as the context's user. */
export function CanIForm({
  context,
  defaultNamespace,
}: {
  context?: string
  defaultNamespace?: string
}): ReactNode {
  const id = useId()
  const [verb, setVerb] = useState('list')
  const [resource, setResource] = useState('pods')
  const [namespace, setNamespace] = useState(defaultNamespace ?? '')
  const [answer, setAnswer] = useState<{ question: string; result: AccessAnswer }>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const ask = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    const ns = namespace.trim()
    const question = `${verb} ${resource.trim()}${ns ? ` in ${ns}` : ' cluster-wide'}`
    try {
      const result = await api.call('rbac.canI', {
        ...(context ? { context } : {}),
        verb,
        ...splitResource(resource),
        ...(ns ? { namespace: ns } : {}),
      })
      setAnswer({ question, result })
    } catch (err) {
      setAnswer(undefined)
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="can-i" onSubmit={(e) => void ask(e)}>
      <label htmlFor={`${id}-verb`}>Verb</label>
      <select id={`${id}-verb`} value={verb} onChange={(e) => setVerb(e.target.value)}>
        {VERBS.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <label htmlFor={`${id}-resource`}>Resource</label>
      <input
        id={`${id}-resource`}
        className="mono"
        value={resource}
        placeholder="pods, deployments.apps, pods/log"
        onChange={(e) => setResource(e.target.value)}
        required
      />
      <label htmlFor={`${id}-ns`}>Namespace</label>
      <input
        id={`${id}-ns`}
        className="mono"
        value={namespace}
        placeholder="all (cluster-wide)"
        onChange={(e) => setNamespace(e.target.value)}
      />
      <button type="submit" disabled={busy || !resource.trim()}>
        {busy ? 'Asking…' : 'Ask'}
      </button>
      <div className="can-i-answer" role="status" aria-live="polite">
        {answer && (
          <p>
            <strong className={answer.result.allowed ? 'yes' : 'no'}>
              {answer.result.allowed ? 'Yes' : 'No'}
            </strong>
            {`: you ${answer.result.allowed ? 'may' : 'may not'} ${answer.question}.`}
            {answer.result.reason && <span className="muted small"> {answer.result.reason}</span>}
          </p>
        )}
        {error && (
          <p className="delete-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  )
}
