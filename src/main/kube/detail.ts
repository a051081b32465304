import type { ObjectRef, ResourceDetail } from '@shared/contract/resources'
import type { ResourceKind } from '@shared/rows'
import { resourceKindOf } from './kinds'
import { ownerTarget } from '../resources/owner-targets'
import { formatLabels } from './rows/base'
import { projectors } from './rows'
import type { WireCondition, WireContainer, WireContainerStatus, WireObject, WirePod } from './rows/wire'

type Section = ResourceDetail['sections'][number]
type Item = Section['items'][number]

const item = (label: string, value: string | number | undefined, link?: ObjectRef): Item | undefined =>
  value === undefined || value === ''
    ? undefined
    : link
      ? { label, value: String(value), link }
      : { label, value: String(value) }

const section = (title: string, items: (Item | undefined)[]): Section => ({
  title,
  items: items.filter((i): i is Item => i !== undefined),
})

function stateText(s: WireContainerStatus | undefined): string {
  const st = s?.state
  if (st?.running) return st.running.startedAt ? `Running, started ${st.running.startedAt}` : 'Running'
  if (st?.waiting)
    return `Waiting: ${st.waiting.reason ?? ''}${st.waiting.message ? ` (${st.waiting.message})` : ''}`
  if (st?.terminated)
    return `Terminated: ${st.terminated.reason ?? `exit code ${st.terminated.exitCode ?? '?'}`}`
  return 'Unknown'
}

function containerSection(title: string, c: WireContainer, s: WireContainerStatus | undefined): Section {
  const ports = (c.ports ?? []).map(
    (p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`,
  )
  return section(`${title} ${c.name ?? ''}`, [
    item('Image', c.image),
    item('Ports', ports.join(', ')),
    item('State', s ? stateText(s) : undefined),
    item('Ready', s ? (s.ready === true ? 'Yes' : 'No') : undefined),
    item('Restarts', s?.restartCount),
  ])
}

const annotationLimit = 300

/** Annotation values in full, except huge ones (last-applied-configuration) which the YAML tab shows whole. */
function annotationValue(v: string): string {
  return v.length <= annotationLimit
    ? v
    : `${v.slice(0, annotationLimit)}… (${v.length.toLocaleString('en')} characters; see YAML)`
}

/** How a person reads each row field; fields not listed here are not shown in the summary. */
const fieldLabels: Record<string, string> = {
  status: 'Status',
  phase: 'Phase',
  ready: 'Ready',
  restarts: 'Restarts',
  lastRestartAt: 'Last restart',
  ip: 'Pod IP',
  node: 'Node',
  nominatedNode: 'Nominated node',
  readinessGates: 'Readiness gates',
  health: 'Health',
  replicas: 'Desired replicas',
  upToDate: 'Up to date',
  available: 'Available',
  paused: 'Paused',
  desired: 'Desired',
  current: 'Current',
  revision: 'Revision',
  images: 'Images',
  selector: 'Selector',
  type: 'Type',
  clusterIP: 'Cluster IP',
  externalIP: 'External IP',
  ports: 'Ports',
  data: 'Data keys',
  reason: 'Reason',
  message: 'Message',
  object: 'Object',
  subobject: 'Sub-object',
  source: 'Source',
  count: 'Count',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  roles: 'Roles',
  version: 'Kubelet version',
  internalIP: 'Internal IP',
  osImage: 'OS image',
  kernelVersion: 'Kernel version',
  containerRuntime: 'Container runtime',
}

const healthWords: Record<string, string> = {
  available: 'Available',
  progressing: 'Progressing',
  failed: 'Failed (progress deadline exceeded)',
  'scaled-down': 'Scaled down to 0',
  paused: 'Paused',
}

function fieldValue(field: string, v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'Yes' : 'No'
  if (field === 'health') return healthWords[String(v)] ?? String(v)
  return String(v)
}

/** The rows' own columns (status text, ready, ports…) as the summary's first section, with readable labels. */
function summarySection(obj: WireObject, kind: ResourceKind): Section {
  const row = projectors[kind](obj) as unknown as Record<string, unknown>
  const items = Object.entries(fieldLabels).map(([field, label]) => {
    const v = row[field]
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? item(label, fieldValue(field, v))
      : undefined
  })
  return section('Summary', items)
}

/** A readable summary of one object; pure, from the object alone. */
export function buildDetail(obj: WireObject, kind: ResourceKind): ResourceDetail {
  const meta = obj.metadata ?? {}
  const ref: ObjectRef = meta.namespace
    ? { kind, namespace: meta.namespace, name: meta.name ?? '' }
    : { kind, name: meta.name ?? '' }
  const sections: Section[] = [
    section('Metadata', [
      item('Name', meta.name),
      item('Namespace', meta.namespace),
      item('Created', meta.creationTimestamp),
      item('Deleting since', meta.deletionTimestamp),
      item('Labels', formatLabels(meta.labels)),
      item('UID', meta.uid),
    ]),
    summarySection(obj, kind),
  ]
  const annotations = Object.entries(meta.annotations ?? {})
  if (annotations.length) {
    sections.push(
      section(
        'Annotations',
        annotations.map(([k, v]) => item(k, annotationValue(v) || '(empty)')),
      ),
    )
  }
  const links: ResourceDetail['links'] = []
  const apiLinks: NonNullable<ResourceDetail['apiLinks']> = []
  for (const owner of meta.ownerReferences ?? []) {
    const ownerKind = resourceKindOf(owner.kind)
    const relation = owner.controller ? 'Controlled by' : 'Owned by'
    if (ownerKind && owner.name) {
      links.push({ relation, ref: { kind: ownerKind, namespace: meta.namespace, name: owner.name } })
    } else {
      const ref = ownerTarget(owner, meta.namespace)
      if (ref) apiLinks.push({ relation, ref, kind: owner.kind ?? '' })
    }
  }
  if (kind === 'pods') {
    const pod = obj as WirePod
    const byName = (
      list: WireContainerStatus[] | undefined,
      name: string | undefined,
    ): WireContainerStatus | undefined => list?.find((s) => s.name === name)
    for (const c of pod.spec?.initContainers ?? []) {
      sections.push(containerSection('Init container', c, byName(pod.status?.initContainerStatuses, c.name)))
    }
    for (const c of pod.spec?.containers ?? []) {
      sections.push(containerSection('Container', c, byName(pod.status?.containerStatuses, c.name)))
    }
    if (pod.spec?.nodeName)
      links.push({ relation: 'Runs on', ref: { kind: 'nodes', name: pod.spec.nodeName } })
  }
  if (kind === 'configmaps' || kind === 'secrets') {
    const data = (obj as { data?: Record<string, string> }).data ?? {}
    const sizes = Object.entries(data).map(([k, v]) =>
      item(
        k,
        kind === 'secrets' ? `${Buffer.byteLength(v, 'base64')} bytes` : `${Buffer.byteLength(v)} bytes`,
      ),
    )
    sections.push(section('Data', sizes))
  }
  const status = (obj as { status?: { conditions?: WireCondition[] } }).status
  const conditions = (status?.conditions ?? []).map((c) => {
    const out: ResourceDetail['conditions'][number] = { type: c.type ?? '', status: c.status ?? '' }
    if (c.reason) out.reason = c.reason
    if (c.message) out.message = c.message
    if (c.lastTransitionTime) out.lastTransition = c.lastTransitionTime
    return out
  })
  return apiLinks.length
    ? { ref, sections, conditions, links, apiLinks }
    : { ref, sections, conditions, links }
}

interface WireEndpoints {
  subsets?: { addresses?: { targetRef?: { kind?: string; name?: string; namespace?: string } }[] }[]
}

/** A Service's endpoint pods, from its Endpoints object. */
export function endpointLinks(endpoints: unknown, namespace: string): ResourceDetail['links'] {
  const links: ResourceDetail['links'] = []
  for (const subset of (endpoints as WireEndpoints).subsets ?? []) {
    for (const a of subset.addresses ?? []) {
      if (a.targetRef?.kind === 'Pod' && a.targetRef.name) {
        links.push({
          relation: 'Endpoint',
          ref: { kind: 'pods', namespace: a.targetRef.namespace ?? namespace, name: a.targetRef.name },
        })
      }
    }
  }
  return links
}
