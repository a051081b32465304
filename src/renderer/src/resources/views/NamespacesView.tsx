import { useId, useState, type ReactNode } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { ApiError } from '@shared/contract'
import { api } from '../../api/client'
import { ResourceList } from '../ResourceList'
import { DeleteWithTypedConfirm } from './ConfirmDelete'
import { Empty } from './empty'
import { namespaceNameProblem } from './namespace-name'
import type { ViewProps } from './view-props'

function CreateNamespace({ context }: ViewProps): ReactNode {
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const id = useId()
  const create = useMutation<{ name: string }, ApiError, string>({
    mutationFn: (n) => api.call('namespaces.create', { name: n, ...(context ? { context } : {}) }),
    onSuccess: () => {
      setName('')
      setTouched(false)
    },
  })
  const problem = name === '' && !touched ? undefined : namespaceNameProblem(name)
  const message = problem ?? (create.isError ? create.error.message : undefined)
  return (
    <form
      className="rv-inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        setTouched(true)
        if (!namespaceNameProblem(name)) create.mutate(name)
      }}
    >
      <div className="rv-field">
        <label className="sr-only" htmlFor={`${id}-ns`}>
          New namespace name
        </label>
        <input
          id={`${id}-ns`}
          type="text"
          className="mono"
          placeholder="new-namespace"
          value={name}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={message ? `${id}-ns-msg` : undefined}
          onChange={(e) => {
            setName(e.target.value)
            setTouched(true)
            create.reset()
          }}
        />
        {message && (
          <span id={`${id}-ns-msg`} className="rv-field-error" role="alert">
            {message}
          </span>
        )}
        {create.isSuccess && (
          <span className="small muted" role="status">
            Created namespace {create.data.name}.
          </span>
        )}
      </div>
      <button type="submit" disabled={create.isPending || Boolean(problem)}>
        {create.isPending ? 'Creating…' : 'Create namespace'}
      </button>
    </form>
  )
}

/** Namespaces: create (DNS-1123 checked first), delete with typed confirmation, Terminating shown until gone. */
export function NamespacesView({ context }: ViewProps): ReactNode {
  const ctx = context ? { context } : {}
  return (
    <ResourceList
      kind="namespaces"
      {...ctx}
      toolbar={<CreateNamespace {...ctx} />}
      detailActions={(ref) => (
        <DeleteWithTypedConfirm
          target={{ ...ref, ...ctx }}
          consequence="Everything in it (pods, services, secrets…) is deleted too. It shows as Terminating until Kubernetes has removed its contents."
        />
      )}
      empty={() => (
        <Empty
          title="No namespaces"
          hint="Every cluster has at least `default`; the cluster may not be answering. Try:"
          command="kubectl get namespaces"
        />
      )}
    />
  )
}
