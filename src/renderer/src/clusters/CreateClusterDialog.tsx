import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { ApiError, Detection, JobInfo, MethodInput, ProviderId } from '@shared/contract'
import { api } from '../api/client'
import { Dialog } from '../components/Dialog'
import { ErrorBox } from '../components/ErrorBox'
import { clusterNameProblem } from '@shared/cluster-names'

type Spec = MethodInput<'clusters.create'>['spec']

const providerLabels: Record<ProviderId, string> = {
  sandbox: 'Sandbox (simulated, no container engine needed)',
  kind: 'kind (Kubernetes in Docker)',
  minikube: 'minikube',
}

/** The "New cluster" form: provider, a validated name, and the options that matter for each provider. */
export function CreateClusterDialog(props: {
  open: boolean
  onClose: () => void
  detections: Detection[]
  onStarted: (job: JobInfo) => void
}) {
  const [provider, setProvider] = useState<ProviderId>('sandbox')
  const [name, setName] = useState('demo')
  const [nodes, setNodes] = useState(1)
  const [version, setVersion] = useState('')
  const [driver, setDriver] = useState<NonNullable<Spec['driver']>>('docker')
  const [cpus, setCpus] = useState(2)
  const [memory, setMemory] = useState(4096)
  const create = useMutation<JobInfo, ApiError, MethodInput<'clusters.create'>>({
    mutationFn: (input) => api.call('clusters.create', input),
    onSuccess: (job) => {
      props.onStarted(job)
      props.onClose()
    },
  })
  const detection = props.detections.find((d) => d.provider === provider)
  // The same rule the backend applies (src/shared/cluster-names.ts), in the chosen tool's words.
  const nameProblem = clusterNameProblem(provider, name)

  const spec = (): Spec => ({
    name,
    nodes,
    ...(version ? { kubernetesVersion: version.startsWith('v') ? version : `v${version}` } : {}),
    ...(provider === 'minikube' ? { driver, cpus, memoryMb: memory } : {}),
  })

  return (
    <Dialog title="New cluster" open={props.open} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!nameProblem) create.mutate({ provider, spec: spec() })
        }}
      >
        <fieldset className="field">
          <legend>Provider</legend>
          {(['sandbox', 'kind', 'minikube'] as const).map((p) => {
            const d = props.detections.find((x) => x.provider === p)
            return (
              <label key={p} className="radio">
                <input
                  type="radio"
                  name="provider"
                  checked={provider === p}
                  onChange={() => setProvider(p)}
                />
                {providerLabels[p]}
                {d && !d.ready && <span className="pill warn">needs set-up</span>}
              </label>
            )
          })}
        </fieldset>
        {detection && !detection.ready && (
          <p className="field-error">
            {detection.checks.find((c) => !c.ok)?.explanation ??
              'This provider is not ready on this machine.'}
          </p>
        )}
        <label className="field">
          Name
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!nameProblem}
          />
        </label>
        {nameProblem && <p className="field-error">{nameProblem}</p>}
        <div className="field-row">
          <label className="field">
            Nodes
            <input
              type="number"
              min={1}
              max={provider === 'sandbox' ? 3 : 10}
              value={nodes}
              onChange={(e) => setNodes(Math.max(1, Number(e.target.value) || 1))}
            />
          </label>
          {provider !== 'sandbox' && (
            <label className="field">
              Kubernetes version
              <input
                type="text"
                placeholder="default"
                value={version}
                onChange={(e) => setVersion(e.target.value.trim())}
              />
            </label>
          )}
        </div>
        {provider === 'minikube' && (
          <div className="field-row">
            <label className="field">
              Driver
              <select value={driver} onChange={(e) => setDriver(e.target.value as typeof driver)}>
                {(['docker', 'podman', 'kvm2', 'qemu2', 'virtualbox'] as const).map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
            <label className="field">
              CPUs
              <input
                type="number"
                min={1}
                max={64}
                value={cpus}
                onChange={(e) => setCpus(Number(e.target.value) || 2)}
              />
            </label>
            <label className="field">
              Memory (MB)
              <input
                type="number"
                min={1800}
                step={256}
                value={memory}
                onChange={(e) => setMemory(Number(e.target.value) || 4096)}
              />
            </label>
          </div>
        )}
        {create.isError && <ErrorBox error={create.error} title="Could not start creating the cluster" />}
        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!!nameProblem || create.isPending}>
            {create.isPending ? 'Starting…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
