import './dev-loop.css'
import { useState } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { ApiError, Detection, JobInfo, MethodInput, ProviderId } from '@shared/contract'
import { clusterNameProblem } from '@shared/cluster-names'
import {
  kindNodeVersions,
  maxNodes,
  minikubeAddons,
  minikubeDrivers,
  presetDescription,
  presets,
  presetSpec,
} from '@shared/cluster-options'
import type { MinikubeAddon, PresetId } from '@shared/cluster-options'
import { api } from '../api/client'
import { Dialog } from '../components/Dialog'
import { ErrorBox } from '../components/ErrorBox'
import { CommandPreview } from './CommandPreview'

type Spec = MethodInput<'clusters.create'>['spec']

const providerLabels: Record<ProviderId, string> = {
  sandbox: 'Sandbox (simulated, no container engine needed)',
  kind: 'kind (Kubernetes in Docker)',
  minikube: 'minikube',
}

interface Options {
  nodes: number
  version: string
  driver: NonNullable<Spec['driver']>
  cpus: number
  memory: number
  ingressPorts: boolean
  localRegistry: boolean
  addons: MinikubeAddon[]
  speed: number
}

const defaults: Options = {
  nodes: 1,
  version: '',
  driver: 'docker',
  cpus: 2,
  memory: 4096,
  ingressPorts: false,
  localRegistry: false,
  addons: [],
  speed: 1,
}

/** The spec for a provider: only the options that provider takes (the contract refuses the others). */
function specFor(provider: ProviderId, name: string, o: Options): Spec {
  const version = o.version
    ? { kubernetesVersion: o.version.startsWith('v') ? o.version : `v${o.version}` }
    : {}
  if (provider === 'kind')
    return { name, nodes: o.nodes, ...version, ingressPorts: o.ingressPorts, localRegistry: o.localRegistry }
  if (provider === 'minikube')
    return {
      name,
      nodes: o.nodes,
      ...version,
      driver: o.driver,
      cpus: o.cpus,
      memoryMb: o.memory,
      addons: o.addons,
    }
  return { name, nodes: o.nodes, speed: o.speed }
}

/** The "New cluster" form: provider, preset, a validated name, each provider's options and what will run. */
export function CreateClusterDialog(props: {
  open: boolean
  onClose: () => void
  detections: Detection[]
  onStarted: (job: JobInfo) => void
}) {
  const [provider, setProvider] = useState<ProviderId>('sandbox')
  const [name, setName] = useState('demo')
  const [preset, setPreset] = useState<PresetId>('plain')
  const [o, setO] = useState<Options>(defaults)
  const set = (patch: Partial<Options>): void => setO((prev) => ({ ...prev, ...patch }))
  const create = useMutation<JobInfo, ApiError, MethodInput<'clusters.create'>>({
    mutationFn: (input) => api.call('clusters.create', input),
    onSuccess: (job) => {
      props.onStarted(job)
      props.onClose()
    },
  })
  // Node images already on this machine are versions kind can use offline; kind itself cannot list the rest.
  const hostImages = useQuery({
    queryKey: ['images.host', {}],
    queryFn: () => api.call('images.host', {}),
    enabled: props.open && provider === 'kind',
  })
  const localVersions = kindNodeVersions(hostImages.data?.images.map((i) => i.ref) ?? [])
  const detection = props.detections.find((d) => d.provider === provider)
  // The same rule the backend applies (src/shared/cluster-names.ts), in the chosen tool's words.
  const nameProblem = clusterNameProblem(provider, name)
  const applyPreset = (id: PresetId, p: ProviderId): void => {
    const s = presetSpec(id, p)
    if (!s) return
    setPreset(id)
    set({
      nodes: Math.min(s.nodes ?? 1, maxNodes[p]),
      ingressPorts: s.ingressPorts ?? false,
      localRegistry: s.localRegistry ?? false,
      addons: s.addons ?? [],
    })
  }
  const chooseProvider = (p: ProviderId): void => {
    setProvider(p)
    // A preset the new provider cannot do falls back to Plain.
    applyPreset(presetSpec(preset, p) ? preset : 'plain', p)
  }
  const input = { provider, spec: specFor(provider, name, o) }

  return (
    <Dialog title="New cluster" open={props.open} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!nameProblem) create.mutate(input)
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
                  onChange={() => chooseProvider(p)}
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
        <fieldset className="field presets">
          <legend>Preset</legend>
          {presets.map((p) => {
            const possible = presetSpec(p.id, provider) !== undefined
            return (
              <label
                key={p.id}
                className="radio"
                title={possible ? presetDescription(p, provider) : `Not for ${provider} clusters`}
              >
                <input
                  type="radio"
                  name="preset"
                  checked={preset === p.id}
                  disabled={!possible}
                  onChange={() => applyPreset(p.id, provider)}
                />
                <span className="preset-label">{p.label}</span>
                <span className="muted small">
                  {possible ? presetDescription(p, provider) : `(not for ${provider})`}
                </span>
              </label>
            )
          })}
        </fieldset>
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
              max={maxNodes[provider]}
              value={o.nodes}
              onChange={(e) => set({ nodes: Math.max(1, Number(e.target.value) || 1) })}
            />
          </label>
          {provider !== 'sandbox' ? (
            <label className="field">
              Kubernetes version
              <input
                type="text"
                placeholder={provider === 'kind' ? 'kind’s default' : 'minikube’s default'}
                value={o.version}
                list={provider === 'kind' && localVersions.length ? 'kind-node-versions' : undefined}
                onChange={(e) => set({ version: e.target.value.trim() })}
              />
              {provider === 'kind' && localVersions.length > 0 && (
                <>
                  <datalist id="kind-node-versions">
                    {localVersions.map((v) => (
                      <option key={v} value={v} />
                    ))}
                  </datalist>
                  <span className="muted">
                    On this machine already: {localVersions.join(', ')}. Any kindest/node tag works.
                  </span>
                </>
              )}
            </label>
          ) : (
            <label className="field">
              Speed (simulated time)
              <select value={o.speed} onChange={(e) => set({ speed: Number(e.target.value) })}>
                {[1, 2, 5, 10].map((x) => (
                  <option key={x} value={x}>
                    {x === 1 ? 'real time' : `×${x}`}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {provider === 'kind' && (
          <div className="field-row">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={o.ingressPorts}
                onChange={(e) => set({ ingressPorts: e.target.checked })}
              />
              Map ports 80 and 443 to this machine (ingress-ready)
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={o.localRegistry}
                onChange={(e) => set({ localRegistry: e.target.checked })}
              />
              Local registry on localhost:5001
            </label>
          </div>
        )}
        {provider === 'minikube' && (
          <>
            <div className="field-row">
              <label className="field">
                Driver
                <select
                  value={o.driver}
                  onChange={(e) => set({ driver: e.target.value as Options['driver'] })}
                >
                  {minikubeDrivers.map((d) => (
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
                  value={o.cpus}
                  onChange={(e) => set({ cpus: Number(e.target.value) || 2 })}
                />
              </label>
              <label className="field">
                Memory (MB)
                <input
                  type="number"
                  min={1800}
                  value={o.memory}
                  onChange={(e) => set({ memory: Number(e.target.value) || 4096 })}
                />
              </label>
            </div>
            <fieldset className="field">
              <legend>Addons to enable</legend>
              <div className="field-row">
                {minikubeAddons.map((a) => (
                  <label key={a} className="checkbox">
                    <input
                      type="checkbox"
                      checked={o.addons.includes(a)}
                      onChange={(e) =>
                        set({ addons: e.target.checked ? [...o.addons, a] : o.addons.filter((x) => x !== a) })
                      }
                    />
                    {a}
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        )}
        {!nameProblem && <CommandPreview input={input} />}
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
