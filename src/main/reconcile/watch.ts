import type { KubeConfig } from '@kubernetes/client-node'
import type {
  ReconcileEvent,
  ReconcileKind,
  SandboxBreakState,
  StreamInput,
  TimelineEntry,
} from '@shared/contract'
import { kubeListWatchSource, kubeListWatchSourceAt } from '../kube/list-watch-source'
import type { WireEvent, WireObject, WirePod } from '../kube/rows/wire'
import { AsyncQueue } from '../workloads/async-queue'
import type { ChaosBus } from './chaos-bus'
import { inform, type Change, type Informer } from './informer'
import { plans } from './plans'
import { assemble } from './snapshot'
import { createTimeline, type TimelineInput } from './timeline'

// One reconcile view's stream: informers on the workload's namespace (the workload's kind, its pods, events and
// the kind's extra lists) and on nodes; a snapshot and the new timeline entries at most every 100 ms while
// things change.

const FRAME_MS = 100
/** Events already in the namespace when the view opens: the latest few give the timeline its context. */
const BACKLOG = 30
/** Pod names remembered as the workload's, so events about a pod already gone still find their way. */
const REMEMBERED = 5000

type Input = StreamInput<'reconcile.watch'>

export async function* watchReconcile(
  kc: KubeConfig,
  bus: ChaosBus,
  input: Input,
  signal: AbortSignal,
): AsyncGenerator<ReconcileEvent> {
  const { namespace, name } = input
  const kind: ReconcileKind = input.kind ?? 'Deployment'
  const plan = plans[kind]
  const context = kc.getCurrentContext()
  const server = kc.getCurrentCluster()?.server
  const timeline = createTimeline()
  const pending = new AsyncQueue<TimelineEntry | 'changed'>()
  const now = (): string => new Date().toISOString()
  const push = (i: TimelineInput): void => {
    for (const e of timeline.feed(i)) pending.push(e)
    pending.push('changed')
  }
  const changed = (): void => pending.push('changed')

  const informers: Informer[] = []
  const open = (
    path: string | 'nodes' | 'pods' | 'events',
    onDelta: (c: Change, o: WireObject, p?: WireObject) => void,
  ): Informer => {
    const source =
      path === 'nodes'
        ? kubeListWatchSource(kc, 'nodes')
        : path === 'pods' || path === 'events'
          ? kubeListWatchSource(kc, path, namespace)
          : kubeListWatchSourceAt(kc, path)
    const inf = inform(source, onDelta, changed, (err) =>
      // Nodes may be forbidden on a locked-down cluster: the view works without them.
      path === 'nodes' ? changed() : pending.close(err),
    )
    informers.push(inf)
    return inf
  }

  const workloads = open(plan.path(namespace), (change, obj, prev) => {
    if (obj.metadata?.name === name)
      push({ type: 'delta', kind, change, obj, ...(prev ? { prev } : {}), at: now() })
  })
  const extra: Record<string, Map<string, WireObject>> = {}
  const extraInformers = Object.entries(plan.extra).map(([key, path]) => {
    const inf = open(path(namespace), changed)
    extra[key] = inf.objects
    return inf
  })

  const mine = new Set<string>()
  const remember = (pod: string): void => {
    mine.add(pod)
    if (mine.size > REMEMBERED) mine.delete(mine.values().next().value ?? '')
  }
  const pods = open('pods', (change, obj, prev) => {
    const pod = obj.metadata?.name ?? ''
    if (!mine.has(pod) && !plan.ownsPod(obj, name, extra)) return
    remember(pod)
    push({ type: 'delta', kind: 'Pod', change, obj, ...(prev ? { prev } : {}), at: now() })
  })
  const nodes = open('nodes', (change, obj, prev) =>
    push({ type: 'delta', kind: 'Node', change, obj, ...(prev ? { prev } : {}), at: now() }),
  )
  const aboutMine = (e: WireEvent): boolean => {
    const inv = e.involvedObject
    if (!inv?.kind) return false
    if (inv.kind === kind) return inv.name === name
    if (inv.kind === 'Pod') return mine.has(inv.name ?? '') || plan.podNamed(inv.name ?? '', name, extra)
    if (inv.kind === 'Node') return true
    return plan.ownsObject(inv.kind, inv.name ?? '', name, extra)
  }
  const events = open('events', (change, obj) => {
    const e = obj as WireEvent
    if (change !== 'DELETED' && aboutMine(e)) push({ type: 'event', change, event: e })
  })
  const stopListening = bus.listen(context, (text) => push({ type: 'chaos', text, at: now() }))
  const sandbox = (): SandboxBreakState | undefined => {
    const t = bus.target(context, server)
    if (!t) return undefined
    const { controllersPaused, pulls } = t.chaos.state()
    return { controllersPaused, pulls }
  }
  const snapshot = (): ReconcileEvent['snapshot'] => {
    const w = {
      workload: workloads.objects.get(name),
      pods: [...pods.objects.values()].filter((p) => mine.has(p.metadata?.name ?? '')) as WirePod[],
      nodes: [...nodes.objects.values()],
      extra,
    }
    return assemble(kind, namespace, name, w, plan.snapshot(w, name), sandbox())
  }

  const onAbort = (): void => pending.close()
  signal.addEventListener('abort', onAbort)
  try {
    // The first frame waits for the namespace's lists, then tells the latest events already there.
    const lists = [workloads, pods, events, ...extraInformers]
    while (!pending.closed && !lists.every((i) => i.synced)) {
      await pending.wait()
      pending.take()
    }
    if (pending.closed) {
      pending.take()
      return
    }
    for (const p of pods.objects.values()) if (plan.ownsPod(p, name, extra)) remember(p.metadata?.name ?? '')
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
