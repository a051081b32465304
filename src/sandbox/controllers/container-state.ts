import { fnv32a, rfc3339 } from '../api/names'
import type { LocalImages } from '../images/local-images'
import { decidePull } from '../images/image-pull'
import { nextPullRetry, pullRetryDue } from '../images/pull-backoff'
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

// A pull Break it slowed down ends as a real one does, with the time it took.
function slowPulledEvents(c: ContainerSpec, seconds: number): ContainerEvent[] {
  return [
    {
      type: 'Normal',
      reason: 'Pulled',
      message: `Successfully pulled image "${c.image}" in ${seconds}s (${seconds}s including waiting)`,
    },
    { type: 'Normal', reason: 'Created', message: `Created container: ${c.name}` },
    { type: 'Normal', reason: 'Started', message: `Started container ${c.name}` },
  ]
}

function pullPolicyOf(c: ContainerSpec): string | undefined {
  return typeof c.imagePullPolicy === 'string' ? c.imagePullPolicy : undefined
}

// After a back-off the kubelet pulls the image it could not get before.
function pulledEvents(c: ContainerSpec): ContainerEvent[] {
  return [
    { type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"` },
    { type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${c.image}"` },
    { type: 'Normal', reason: 'Created', message: `Created container: ${c.name}` },
    { type: 'Normal', reason: 'Started', message: `Started container ${c.name}` },
  ]
}

export function stepContainer(
  pod: Pod,
  c: ContainerSpec,
  st: ContainerStatus,
  now: number,
  images?: LocalImages,
): ContainerStep {
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`
  const waiting = st.state.waiting?.reason
  if (waiting === 'ImagePullBackOff') {
    const startAt = Date.parse(String(pod.status.startTime ?? rfc3339(now))) + startDelayMs(pod.metadata.name)
    // The kubelet retries only when its back-off expires; until then the pod stays as it is.
    if (!pullRetryDue(startAt, now) || decidePull(c.image, pullPolicyOf(c), images).kind === 'failed')
      return { status: st, nextAt: nextPullRetry(startAt, now), events: [] }
    return { status: running(pod, c, st, now), events: pulledEvents(c) }
  }
  if (waiting === 'ContainerCreating' || waiting === 'ErrImagePull') {
    const startAt = Date.parse(String(pod.status.startTime ?? rfc3339(now))) + startDelayMs(pod.metadata.name)
    if (now < startAt) return { status: st, nextAt: startAt, events: [] }
    // ErrImagePull shows for a moment before the back-off starts (the pod's own update wakes the kubelet at
    // once, which used to skip it).
    if (waiting === 'ErrImagePull' && now < startAt + 1000)
      return { status: st, nextAt: startAt + 1000, events: [] }
    const pull = decidePull(c.image, pullPolicyOf(c), images)
    if (pull.kind === 'failed') {
      if (waiting === 'ContainerCreating') {
        const message = pull.message
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
        nextAt: nextPullRetry(startAt, now),
        events: [
          { type: 'Normal', reason: 'BackOff', message },
          { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' },
        ],
      }
    }
    const slow = pull.kind === 'pulled' ? pull.seconds : undefined
    if (slow) {
      // Break it made the registry slow: the pull started when the container was due and takes that long.
      const doneAt = startAt + slow * 1000
      if (now < doneAt) {
        const message = `Pulling image "${c.image}" (slow registry, simulated)`
        if (st.state.waiting?.message === message) return { status: st, nextAt: doneAt, events: [] }
        return {
          status: { ...st, state: { waiting: { reason: 'ContainerCreating', message } } },
          nextAt: doneAt,
          events: [{ type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"` }],
        }
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
      // After an ErrImagePull the image was not on the node: this attempt pulled it.
      events: slow
        ? slowPulledEvents(c, slow)
        : waiting === 'ErrImagePull'
          ? pulledEvents(c)
          : startedEvents(c),
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
