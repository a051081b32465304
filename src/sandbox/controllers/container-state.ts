import { fnv32a, rfc3339 } from '../api/names'
import type { ContainerSpec, ContainerStatus, Pod } from '../types'
import { exitedStep, plannedExit } from './run-to-completion'

// The fake container runtime: how one container moves through its states over simulated time.
export const CRASH_AFTER_MS = 1500

export interface ContainerEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

export interface ContainerStep {
  status: ContainerStatus
  nextAt?: number
  events: ContainerEvent[]
}

export function startDelayMs(podName: string): number {
  return 1000 + (fnv32a(podName) % 1500)
}

function crashBackoffMs(restarts: number): number {
  return Math.min(300_000, 10_000 * 2 ** Math.max(0, restarts - 1))
}

function imageRef(image: string): string {
  const withTag = /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`
}

function containerId(pod: Pod, name: string, restarts: number): string {
  const h = (n: number): string =>
    fnv32a(`${pod.metadata.uid}/${name}/${restarts}/${n}`).toString(16).padStart(8, '0')
  return `containerd://${h(1)}${h(2)}${h(3)}${h(4)}${h(5)}${h(6)}${h(7)}${h(8)}`
}

export function initialStatus(c: ContainerSpec): ContainerStatus {
  return {
    name: c.name,
    image: c.image,
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
  }
}

function running(pod: Pod, c: ContainerSpec, prev: ContainerStatus, now: number): ContainerStatus {
  return {
    ...prev,
    image: c.image,
    imageID: `${imageRef(c.image)}@sha256:${fnv32a(c.image).toString(16).padStart(8, '0').repeat(8)}`,
    containerID: containerId(pod, c.name, prev.restartCount),
    ready: true,
    started: true,
    state: { running: { startedAt: rfc3339(now) } },
  }
}

// What the kubelet reports each time it (re)starts a container whose image is already on the node.
function startedEvents(c: ContainerSpec): ContainerEvent[] {
  return [
    { type: 'Normal', reason: 'Pulled', message: `Container image "${c.image}" already present on machine` },
    { type: 'Normal', reason: 'Created', message: `Created container: ${c.name}` },
    { type: 'Normal', reason: 'Started', message: `Started container ${c.name}` },
  ]
}

export function stepContainer(pod: Pod, c: ContainerSpec, st: ContainerStatus, now: number): ContainerStep {
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`
  const waiting = st.state.waiting?.reason
  if (waiting === 'ContainerCreating' || waiting === 'ErrImagePull') {
    const startAt = Date.parse(String(pod.status.startTime ?? rfc3339(now))) + startDelayMs(pod.metadata.name)
    if (now < startAt) return { status: st, nextAt: startAt, events: [] }
    if (c.image.includes('doesnotexist')) {
      if (waiting === 'ContainerCreating') {
        const message = `Failed to pull image "${c.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${imageRef(c.image)}": not found`
        return {
          status: { ...st, state: { waiting: { reason: 'ErrImagePull', message } } },
          nextAt: now + 1000,
          events: [
            { type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"` },
            { type: 'Warning', reason: 'Failed', message },
            { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
          ],
        }
      }
      const message = `Back-off pulling image "${c.image}"`
      return {
        status: { ...st, state: { waiting: { reason: 'ImagePullBackOff', message } } },
        events: [
          { type: 'Normal', reason: 'BackOff', message },
          { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' },
        ],
      }
    }
    const next = running(pod, c, st, now)
    const exit = plannedExit(pod, c)
    return {
      status: next,
      ...(c.image.includes('crashloop')
        ? { nextAt: now + CRASH_AFTER_MS }
        : exit
          ? { nextAt: now + exit.afterMs }
          : {}),
      events: startedEvents(c),
    }
  }
  // a process that just exited is then restarted, or not, as restartPolicy says (the branch below)
  const exited = exitedStep(pod, c, st, now)
  if (exited) return exited.status.state.terminated ? stepContainer(pod, c, exited.status, now) : exited
  if (st.state.running && c.image.includes('crashloop')) {
    const crashAt = Date.parse(st.state.running.startedAt) + CRASH_AFTER_MS
    if (now < crashAt) return { status: st, nextAt: crashAt, events: [] }
    const restarts = st.restartCount + 1
    const backoff = crashBackoffMs(restarts)
    const message = `back-off ${backoff / 1000}s restarting failed container=${c.name} pod=${podRef}`
    return {
      status: {
        ...st,
        ready: false,
        started: false,
        restartCount: restarts,
        state: { waiting: { reason: 'CrashLoopBackOff', message } },
        lastState: {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: st.state.running.startedAt,
            finishedAt: rfc3339(now),
            ...(st.containerID ? { containerID: st.containerID } : {}),
          },
        },
      },
      nextAt: now + backoff,
      events: [
        {
          type: 'Warning',
          reason: 'BackOff',
          message: `Back-off restarting failed container ${c.name} in pod ${podRef}`,
        },
      ],
    }
  }
  // A main process that exited (an attached shell's `exit`): restarted with back-off as restartPolicy says.
  const ended = st.state.terminated
  if (ended) {
    const policy = pod.spec.restartPolicy ?? 'Always'
    if (policy === 'Never' || (policy === 'OnFailure' && ended.exitCode === 0))
      return { status: st, events: [] }
    const restarts = st.restartCount + 1
    const backoff = crashBackoffMs(restarts)
    return {
      status: {
        ...st,
        restartCount: restarts,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${backoff / 1000}s restarting failed container=${c.name} pod=${podRef}`,
          },
        },
        lastState: { terminated: ended },
      },
      nextAt: now + backoff,
      events: [],
    }
  }
  if (waiting === 'CrashLoopBackOff') {
    const finished = st.lastState.terminated?.finishedAt
    const restartAt = (finished ? Date.parse(finished) : now) + crashBackoffMs(st.restartCount)
    if (now < restartAt) return { status: st, nextAt: restartAt, events: [] }
    return {
      status: running(pod, c, st, now),
      nextAt: now + CRASH_AFTER_MS,
      events: startedEvents(c),
    }
  }
  return { status: st, events: [] }
}
