import { quantityValue } from '../api/quantity'
import { rfc3339 } from '../api/names'
import { profile } from '../metrics/usage'
import type { ContainerSpec, Pod } from '../types'
import { isRecord } from '../types'
import type { ContainerStep } from './container-state'
import { stepContainer } from './container-state'

// Memory limits: a container that needs more memory than its limit is OOM-killed by the kernel a moment
// after it starts (exit 137, reason OOMKilled) and restarted as its restartPolicy says. What it needs is
// what `stress --vm-bytes N` asks for (the Kubernetes docs' memory exercise), else its image's baseline.
const OOM_AFTER_MS = 1000
const STRESS_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }

function stressBytes(c: ContainerSpec): number | undefined {
  const words = [
    ...(Array.isArray(c.command) ? c.command : []),
    ...(Array.isArray(c.args) ? c.args : []),
  ].map(String)
  const i = words.findIndex((w) => w === '--vm-bytes' || w.startsWith('--vm-bytes='))
  if (i < 0) return undefined
  const value = words[i]?.includes('=') ? words[i]?.split('=')[1] : words[i + 1]
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(value ?? '')
  return m ? Number(m[1]) * (STRESS_UNITS[(m[2] ?? '').toLowerCase()] ?? 1) : undefined
}

export function memoryNeed(c: ContainerSpec): number {
  return stressBytes(c) ?? profile(c.image).memoryMi * 1024 * 1024
}

function memoryLimit(c: ContainerSpec): number | undefined {
  const res = isRecord(c.resources) ? c.resources : {}
  const limits = isRecord(res.limits) ? res.limits : {}
  return limits.memory === undefined ? undefined : quantityValue(limits.memory)
}

export function applyMemoryLimit(
  pod: Pod,
  c: ContainerSpec,
  step: ContainerStep,
  now: number,
): ContainerStep {
  const st = step.status
  const limit = memoryLimit(c)
  if (!st.state.running || limit === undefined || memoryNeed(c) <= limit) return step
  const killAt = Date.parse(st.state.running.startedAt) + OOM_AFTER_MS
  if (now < killAt) return { ...step, nextAt: Math.min(step.nextAt ?? Infinity, killAt) }
  const terminated = {
    exitCode: 137,
    reason: 'OOMKilled',
    startedAt: st.state.running.startedAt,
    finishedAt: rfc3339(now),
    ...(st.containerID ? { containerID: st.containerID } : {}),
  }
  // the runtime takes the exit as it comes: restart (with back-off) or, for restartPolicy Never, done
  const killed = { ...st, ready: false, started: false, state: { terminated } }
  const next = stepContainer(pod, c, killed, now)
  return { ...next, events: [...step.events, ...next.events] }
}
