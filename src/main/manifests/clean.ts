import { stringify } from 'yaml'

type Obj = Record<string, unknown>

/** Metadata the server writes on every change; a diff or an editor showing it would only be noise. */
const NOISE = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp'] as const

/** The object without server bookkeeping (managedFields and friends), as a diff compares it. */
export function withoutNoise(obj: unknown): Obj {
  const o = (obj ?? {}) as Obj
  const metadata = { ...((o.metadata ?? {}) as Obj) }
  for (const k of NOISE) delete metadata[k]
  return { ...o, metadata }
}

/** The object as `kubectl get -o yaml` prints it, minus managedFields. Secret values are never shown. */
export function editableYaml(obj: unknown): string {
  const o = (obj ?? {}) as Obj
  const metadata = { ...((o.metadata ?? {}) as Obj) }
  delete metadata.managedFields
  return stringify(hideSecret({ ...o, metadata }), { lineWidth: 0 })
}

/** YAML for a diff view: no bookkeeping and no status (controllers write it, manifests do not); secrets hidden. */
export function diffYaml(obj: unknown): string {
  if (!obj) return ''
  const { status: _status, ...rest } = withoutNoise(obj)
  return stringify(hideSecret(rest), { lineWidth: 0 })
}

function hideSecret(o: Obj): Obj {
  if (o.kind !== 'Secret') return o
  const copy = { ...o }
  for (const field of ['data', 'stringData']) {
    const data = copy[field]
    if (data && typeof data === 'object') {
      copy[field] = Object.fromEntries(Object.keys(data).map((k) => [k, '(hidden)']))
    }
  }
  return copy
}
