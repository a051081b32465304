import { fnv32a } from '../api/names'
import type { ContainerSpec, Pod } from '../types'
import type { TrafficMeter } from './traffic'

// Simulated resource usage: deterministic for (pod, container, time), moving smoothly over minutes, and
// following load: an app's demand (annotation `sandbox.skiff.dev/load`, millicores for all its replicas) is
// shared among its running replicas, and each request a pod answers adds CPU for a while.
export const LOAD_ANNOTATION = 'sandbox.skiff.dev/load'
const MI = 1024 * 1024

export interface Usage {
  cpuNanos: number
  memoryBytes: number
}

export interface Profile {
  idleMilli: number
  memoryMi: number
}

export function profile(image: string): Profile {
  if (/(^|\/)nginx(:|@|$)/.test(image)) return { idleMilli: 1, memoryMi: 4 }
  if (/(^|\/)(redis|memcached)(:|@|$)/.test(image)) return { idleMilli: 3, memoryMi: 9 }
  if (/(^|\/)(postgres|mysql|mariadb|mongo)(:|@|$)/.test(image)) return { idleMilli: 8, memoryMi: 60 }
  if (/(^|\/)(busybox|alpine|pause)(:|@|$)/.test(image)) return { idleMilli: 0, memoryMi: 1 }
  return { idleMilli: 4, memoryMi: 24 }
}

// Parses a CPU quantity ("250m", "1.5", "2") into millicores.
export function cpuMillis(text: string | undefined): number {
  if (!text) return 0
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text.trim())
  if (!m) return 0
  return m[2] === 'm' ? Number(m[1]) : Number(m[1]) * 1000
}

function wave(seed: number, now: number, periodMs: number): number {
  const phase = ((seed % 1000) / 1000) * 2 * Math.PI
  return Math.sin((2 * Math.PI * now) / periodMs + phase)
}

function jitter(seed: number, now: number): number {
  // changes every 15 s (the metrics window) and looks random between windows
  return (fnv32a(`${seed}:${Math.floor(now / 15_000)}`) % 1000) / 1000 - 0.5
}

export function containerUsage(
  pod: Pod,
  container: ContainerSpec,
  replicas: number,
  traffic: TrafficMeter,
  now: number,
): Usage {
  const seed = fnv32a(`${pod.metadata.uid}/${container.name}`)
  const p = profile(container.image)
  const demand = cpuMillis(pod.metadata.annotations?.[LOAD_ANNOTATION]) / Math.max(1, replicas)
  const requests = traffic.rate(pod.metadata.uid, now)
  const busy = p.idleMilli * (1 + 0.4 * wave(seed, now, 300_000) + 0.3 * jitter(seed, now))
  const cpuMilli = Math.max(0.2, busy + demand * (1 + 0.05 * jitter(seed + 1, now)) + requests * 2)
  const memoryMi =
    p.memoryMi * (1 + 0.1 * wave(seed >> 3, now, 900_000) + 0.02 * jitter(seed + 2, now)) +
    cpuMilli * 0.05 +
    (seed % 7)
  return { cpuNanos: Math.round(cpuMilli * 1e6), memoryBytes: Math.round(memoryMi * MI) }
}

// Running replicas of the same owner (a Deployment's pods share one ReplicaSet); a bare pod is its own.
export function replicaCounter(pods: Pod[]): (pod: Pod) => number {
  const counts = new Map<string, number>()
  const key = (p: Pod): string => p.metadata.ownerReferences?.find((o) => o.controller)?.uid ?? p.metadata.uid
  for (const p of pods) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1)
  return (p) => counts.get(key(p)) ?? 1
}
