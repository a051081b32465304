import type { KubeConfig } from '@kubernetes/client-node'
import type { ReconcileEvent, StreamInput, TimelineEntry } from '@shared/contract'
import type { ResourceKind } from '@shared/rows'
import { kubeListWatchSource } from '../kube/list-watch-source'
import type { WireEvent, WireObject, WirePod, WireWorkload } from '../kube/rows/wire'
import { AsyncQueue } from '../workloads/async-queue'
import type { ChaosBus } from './chaos-bus'
import { inform, type Change, type Informer } from './informer'
import { buildSnapshot } from './snapshot'
import { createTimeline, type TimelineInput } from './timeline'

// One reconcile view's stream: informers on the deployment's namespace (deployments, replica sets, pods,
// events) and on nodes; a snapshot and the new timeline entries at most every 100 ms while things change.

const FRAME_MS = 100
/** Events already in the namespace when the view opens: the latest few give the timeline its context. */
const BACKLOG = 30

type Input = StreamInput<'reconcile.watch'>

export async function* watchReconcile(
  kc: KubeConfig,
  bus: ChaosBus,
  input: Input,
  signal: AbortSignal,
): AsyncGenerator<ReconcileEvent> {
  const { namespace, name } = input
  const context = kc.getCurrentContext()
  const server = kc.getCurrentCluster()?.server
  const timeline = createTimeline()
  const pending = new AsyncQueue<TimelineEntry | 'changed'>()
  const now = (): string => new Date().toISOString()
  const push = (i: TimelineInput): void => {
    for (const e of timeline.feed(i)) pending.push(e)
    pending.push('changed')
  }

  const informers: Informer[] = []
  const open = (
    kind: ResourceKind,
    onDelta: (c: Change, o: WireObject, p?: WireObject) => void,
    scoped = true,
  ): Informer => {
    const inf = inform(
      kubeListWatchSource(kc, kind, scoped ? namespace : undefined),
      onDelta,
      () => pending.push('changed'),
      (err) => (kind === 'nodes' ? pending.push('changed') : pending.close(err)),
    )
    informers.push(inf)
    return inf
  }
  const isMine = (o: WireObject): boolean => o.metadata?.name === name
  const deployments = open('deployments', (change, obj, prev) => {
    if (isMine(obj))
      push({ type: 'delta', kind: 'Deployment', change, obj, ...(prev ? { prev } : {}), at: now() })
  })
  const replicaSets = open('replicasets', () => pending.push('changed'))
  // Pods and events of this deployment: through the ReplicaSets it controls (pods by name prefix, as the
  // Events tab matches them).
  const setIsMine = (n: string | undefined): boolean =>
    replicaSets.objects
      .get(n ?? '')
      ?.metadata?.ownerReferences?.some((r) => r.controller && r.kind === 'Deployment' && r.name === name) ??
    false
  const podIsMine = (n: string | undefined): boolean => {
    const cut = n?.lastIndexOf('-') ?? -1
    return cut > 0 && setIsMine(n?.slice(0, cut))
  }
  const pods = open('pods', (change, obj, prev) => {
    if (podIsMine(obj.metadata?.name))
      push({ type: 'delta', kind: 'Pod', change, obj, ...(prev ? { prev } : {}), at: now() })
  })
  const nodes = open(
    'nodes',
    (change, obj, prev) =>
      push({ type: 'delta', kind: 'Node', change, obj, ...(prev ? { prev } : {}), at: now() }),
    false,
  )
  const aboutMine = (e: WireEvent): boolean => {
    const inv = e.involvedObject
    switch (inv?.kind) {
      case 'Deployment':
        return inv.name === name
      case 'ReplicaSet':
        return setIsMine(inv.name)
      case 'Pod':
        return podIsMine(inv.name)
      case 'Node':
        return true
      default:
        return false
    }
  }
  const events = open('events', (change, obj) => {
    const e = obj as WireEvent
    if (change !== 'DELETED' && aboutMine(e)) push({ type: 'event', change, event: e })
  })
  const stopListening = bus.listen(context, (text) => push({ type: 'chaos', text, at: now() }))
  const sandbox = (): { controllersPaused: boolean } | undefined => {
    const t = bus.target(context, server)
    return t ? { controllersPaused: t.chaos.state().controllersPaused } : undefined
  }
  const snapshot = (): ReconcileEvent['snapshot'] =>
    buildSnapshot(
      namespace,
      name,
      {
        deployment: deployments.objects.get(name) as WireWorkload | undefined,
        replicaSets: replicaSets.objects.values() as Iterable<WireWorkload>,
        pods: pods.objects.values() as Iterable<WirePod>,
        nodes: nodes.objects.values(),
      },
      sandbox(),
    )

  const onAbort = (): void => pending.close()
  signal.addEventListener('abort', onAbort)
  try {
    // The first frame waits for the namespace's lists, then tells the latest events already there.
    while (!pending.closed && ![deployments, replicaSets, pods, events].every((i) => i.synced)) {
      await pending.wait()
      pending.take()
    }
    if (pending.closed) {
      pending.take()
      return
    }
    const backlog = [...events.objects.values()]
      .map((o) => o as WireEvent)
      .filter(aboutMine)
      .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''))
      .slice(-BACKLOG)
      .flatMap((e) => timeline.feed({ type: 'event', change: 'ADDED', event: e }))
    yield { snapshot: snapshot(), entries: backlog }
    while (!signal.aborted) {
      await pending.wait()
      if (pending.closed && pending.size === 0) {
        pending.take()
        return
      }
      // Gather a frame's worth of changes before building the snapshot again.
      await new Promise((r) => setTimeout(r, FRAME_MS))
      const items = pending.take()
      const entries = items.filter((i): i is TimelineEntry => i !== 'changed')
      yield { snapshot: snapshot(), ...(entries.length ? { entries } : {}) }
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    stopListening()
    for (const i of informers) i.stop()
  }
}
