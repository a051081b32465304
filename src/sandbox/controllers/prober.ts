import { rfc3339 } from '../api/names'
import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { ContainerSpec, Pod } from '../types'
import { isRecord } from '../types'
import type { ContainerStep } from './container-state'
import { stepContainer } from './container-state'
import { runProbe } from './probe-run'
import type { Sync } from './index'

// The kubelet's probe workers: each running container's readiness and liveness probes run every
// periodSeconds after initialDelaySeconds; failureThreshold failures in a row make it unready, or kill it
// (exit 137) so the runtime restarts it; successThreshold successes make it ready again. Probes run
// asynchronously like the real workers and wake the pod's sync when a verdict changes.
type Kind = 'readiness' | 'liveness'

interface Worker {
  instance: string // pod uid / restart count: a restarted container starts over
  nextAt: number
  failures: number
  successes: number
  ok: boolean
  running: boolean
}

const LABEL: Record<Kind, string> = { readiness: 'Readiness', liveness: 'Liveness' }

function seconds(probe: Record<string, unknown>, key: string, fallback: number): number {
  return typeof probe[key] === 'number' ? probe[key] : fallback
}

export interface Prober {
  apply(pod: Pod, c: ContainerSpec, step: ContainerStep, now: number): ContainerStep
  forget(ns: string, name: string): void
  /** The probes still running, each settled once its verdict is recorded (and the pod's sync woken). */
  running(): Array<Promise<void>>
}

export function createProber(sync: Sync): Prober {
  const api: ObjectApi = sync.api
  const workers = new Map<string, Worker>()
  const inFlight = new Set<Promise<void>>()

  const launch = (
    w: Worker,
    kind: Kind,
    pod: Pod,
    c: ContainerSpec,
    probe: Record<string, unknown>,
  ): void => {
    w.running = true
    const podKey = `Pod|${pod.metadata.namespace ?? ''}|${pod.metadata.name}`
    const done = runProbe(api, pod, c, probe).then((result) => {
      w.running = false
      const before = w.ok
      if (result.ok) {
        w.failures = 0
        w.successes++
        if (w.successes >= seconds(probe, 'successThreshold', 1)) w.ok = true
      } else {
        w.successes = 0
        w.failures++
        if (w.failures >= seconds(probe, 'failureThreshold', 3)) w.ok = false
        const current = api.store.get(resourceByKind('Pod'), pod.metadata.namespace ?? '', pod.metadata.name)
        if (current && current.obj.metadata.uid === pod.metadata.uid)
          sync.events.record(
            current.obj,
            'Warning',
            'Unhealthy',
            `${LABEL[kind]} probe failed: ${result.message}`,
            'kubelet',
          )
      }
      if (w.ok !== before) sync.enqueue(podKey)
    })
    inFlight.add(done)
    void done.finally(() => inFlight.delete(done))
  }

  const worker = (
    kind: Kind,
    pod: Pod,
    c: ContainerSpec,
    restarts: number,
    startedAt: number,
    now: number,
  ): Worker | undefined => {
    const probe = c[`${kind}Probe`]
    if (!isRecord(probe)) return undefined
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}/${c.name}/${kind}`
    const instance = `${pod.metadata.uid}/${restarts}`
    let w = workers.get(key)
    if (!w || w.instance !== instance) {
      // readiness starts false (unready until the first success), liveness true
      const first = startedAt + seconds(probe, 'initialDelaySeconds', 0) * 1000
      w = { instance, nextAt: first, failures: 0, successes: 0, ok: kind === 'liveness', running: false }
      workers.set(key, w)
    }
    if (now >= w.nextAt && !w.running) {
      const period = seconds(probe, 'periodSeconds', 10) * 1000
      w.nextAt = Math.max(w.nextAt + period, now + 1)
      launch(w, kind, pod, c, probe)
    }
    return w
  }

  return {
    apply(pod, c, step, now) {
      const st = step.status
      if (!st.state.running) return step
      const startedAt = Date.parse(st.state.running.startedAt)
      const readiness = worker('readiness', pod, c, st.restartCount, startedAt, now)
      const liveness = worker('liveness', pod, c, st.restartCount, startedAt, now)
      const wake = Math.min(
        step.nextAt ?? Infinity,
        readiness?.nextAt ?? Infinity,
        liveness?.nextAt ?? Infinity,
      )
      if (liveness && !liveness.ok) {
        const finishedAt = rfc3339(now)
        const killed = {
          ...st,
          ready: false,
          started: false,
          state: {
            terminated: {
              exitCode: 137,
              reason: 'Error',
              startedAt: st.state.running.startedAt,
              finishedAt,
              ...(st.containerID ? { containerID: st.containerID } : {}),
            },
          },
        }
        const next = stepContainer(pod, c, killed, now)
        const killing = {
          type: 'Normal' as const,
          reason: 'Killing',
          message: `Container ${c.name} failed liveness probe, will be restarted`,
        }
        return { ...next, events: [...step.events, killing, ...next.events] }
      }
      const ready = readiness ? readiness.ok : st.ready
      return { ...step, status: { ...st, ready }, ...(Number.isFinite(wake) ? { nextAt: wake } : {}) }
    },
    running: () => [...inFlight],
    forget(ns, name) {
      for (const key of workers.keys()) if (key.startsWith(`${ns}/${name}/`)) workers.delete(key)
    },
  }
}
