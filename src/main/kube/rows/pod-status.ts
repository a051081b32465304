import type { WireContainer, WireContainerStatus, WirePod } from './wire'

export interface PodStatusSummary {
  /** kubectl's STATUS column. */
  status: string
  /** READY column, `ready/total`. */
  ready: string
  restarts: number
  /** ISO time of the latest restart (a container's last termination), for `3 (2m ago)`. */
  lastRestartAt?: string
}

const isRestartable = (c: WireContainer | undefined): boolean => c?.restartPolicy === 'Always'

function later(current: string | undefined, candidate: string | undefined): string | undefined {
  if (!candidate) return current
  return !current || Date.parse(candidate) > Date.parse(current) ? candidate : current
}

function hasCondition(pod: WirePod, type: string): boolean {
  return pod.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false
}

/** Port of kubectl's printPod (pkg/printers/internalversion/printers.go, v1.32) for STATUS, READY, RESTARTS. */
export function podStatus(pod: WirePod): PodStatusSummary {
  const spec = pod.spec ?? {}
  const st = pod.status ?? {}
  const initSpecs = spec.initContainers ?? []
  let total = spec.containers?.length ?? 0
  let ready = 0
  let restarts = 0
  let sidecarRestarts = 0
  let lastRestart: string | undefined
  let lastSidecarRestart: string | undefined

  let reason = st.reason || st.phase || ''
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated'
  }

  const initByName = new Map<string, WireContainer>()
  for (const c of initSpecs) {
    initByName.set(c.name ?? '', c)
    if (isRestartable(c)) total++
  }

  let initializing = false
  const initStatuses: WireContainerStatus[] = st.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i] as WireContainerStatus
    const sidecar = isRestartable(initByName.get(c.name ?? ''))
    restarts += c.restartCount ?? 0
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt)
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt)
    }
    const term = c.state?.terminated
    const waiting = c.state?.waiting
    if (term && (term.exitCode ?? 0) === 0) continue
    if (sidecar && c.started) {
      if (c.ready) ready++
      continue
    }
    if (term) {
      if (term.reason) reason = `Init:${term.reason}`
      else reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
    } else {
      reason = `Init:${i}/${initSpecs.length}`
    }
    initializing = true
    break
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    const statuses = st.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as WireContainerStatus
      restarts += c.restartCount ?? 0
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt)
      const state = c.state ?? {}
      if (state.waiting?.reason) reason = state.waiting.reason
      else if (state.terminated?.reason) reason = state.terminated.reason
      else if (state.terminated) {
        reason = state.terminated.signal
          ? `Signal:${state.terminated.signal}`
          : `ExitCode:${state.terminated.exitCode ?? 0}`
      } else if (c.ready && state.running) {
        hasRunning = true
        ready++
      }
    }
    // A pod whose finished containers say Completed is still Running while another container runs.
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady'
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp)
  if (deleting && st.reason === 'NodeLost') reason = 'Unknown'
  else if (deleting && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating'

  return {
    status: reason,
    ready: `${ready}/${total}`,
    restarts,
    lastRestartAt: restarts !== 0 ? lastRestart : undefined,
  }
}
