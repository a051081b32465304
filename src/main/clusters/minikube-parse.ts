/** Pure parsers for minikube's JSON output as described in cli-spec.md. */
import type { ClusterState } from './types'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `minikube version -o json` → "v1.36.0". */
export function parseMinikubeVersion(stdout: string): { version: string; commit?: string } | undefined {
  const data = parseJson(stdout.trim())
  if (isRecord(data)) {
    const version = str(data.minikubeVersion)
    if (!version) return undefined
    const commit = str(data.commit)
    return commit ? { version, commit } : { version }
  }
  // Lenient: plain `minikube version` text.
  const m = /minikube version:\s*(v\d+\.\d+\.\d+\S*)/.exec(stdout)
  return m?.[1] ? { version: m[1] } : undefined
}

export interface MinikubeProfile {
  name: string
  valid: boolean
  status: string
  state: ClusterState
  driver?: string
  kubernetesVersion?: string
  nodeCount?: number
}

export function minikubeState(status: string): ClusterState {
  switch (status) {
    case 'OK':
    case 'Running':
      return 'running'
    case 'Stopped':
      return 'stopped'
    case 'Paused':
      return 'paused'
    default:
      return 'unknown'
  }
}

function toProfile(entry: unknown, valid: boolean): MinikubeProfile | undefined {
  if (!isRecord(entry)) return undefined
  const config = isRecord(entry.Config) ? entry.Config : undefined
  const name = str(entry.Name) ?? (config ? str(config.Name) : undefined)
  if (!name) return undefined
  const status = str(entry.Status) ?? ''
  const profile: MinikubeProfile = { name, valid, status, state: valid ? minikubeState(status) : 'unknown' }
  const driver = config ? str(config.Driver) : undefined
  if (driver) profile.driver = driver
  const k8s = config && isRecord(config.KubernetesConfig) ? config.KubernetesConfig : undefined
  const version = k8s ? str(k8s.KubernetesVersion) : undefined
  if (version) profile.kubernetesVersion = version
  if (config && Array.isArray(config.Nodes)) profile.nodeCount = config.Nodes.length
  return profile
}

export type ProfileListResult = { ok: true; profiles: MinikubeProfile[] } | { ok: false; error: string }

/** `minikube profile list -o json` → valid and invalid profiles, or the error it reported. */
export function parseProfileList(stdout: string): ProfileListResult {
  const data = parseJson(stdout.trim())
  if (!isRecord(data)) return { ok: false, error: 'minikube printed something that is not JSON' }
  if (data.error !== undefined) {
    const e = data.error
    const message = isRecord(e) ? (str(e.Err) ?? str(e.message) ?? JSON.stringify(e)) : String(e)
    return { ok: false, error: message }
  }
  const profiles: MinikubeProfile[] = []
  for (const [key, valid] of [
    ['valid', true],
    ['invalid', false],
  ] as const) {
    const list = data[key]
    if (!Array.isArray(list)) continue
    for (const entry of list) {
      const p = toProfile(entry, valid)
      if (p) profiles.push(p)
    }
  }
  return { ok: true, profiles }
}

export type MinikubeEvent =
  | { kind: 'step'; current: number; total: number; name: string; message: string }
  | { kind: 'download'; current?: number; total?: number; artifact: string; progress?: string }
  | { kind: 'info' | 'warning'; message: string }
  | { kind: 'error'; message: string; exitCode?: number; reason?: string; advice?: string; url?: string }

const PREFIX = 'io.k8s.sigs.minikube.'

function num(v: unknown): number | undefined {
  const s = str(v)
  if (s === undefined || s.trim() === '') return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/** One stdout line of a `--output=json` command → an event, or undefined for anything else. */
export function parseMinikubeEvent(line: string): MinikubeEvent | undefined {
  const trimmed = line.trim()
  if (!trimmed.startsWith('{')) return undefined
  const ev = parseJson(trimmed)
  if (!isRecord(ev) || typeof ev.type !== 'string' || !ev.type.startsWith(PREFIX)) return undefined
  const data = isRecord(ev.data) ? ev.data : {}
  const type = ev.type.slice(PREFIX.length)
  const message = str(data.message) ?? ''
  switch (type) {
    case 'step':
      return {
        kind: 'step',
        current: num(data.currentstep) ?? 0,
        total: num(data.totalsteps) ?? 0,
        name: str(data.name) ?? '',
        message,
      }
    case 'download':
    case 'download.progress': {
      const out: MinikubeEvent = { kind: 'download', artifact: str(data.artifact) ?? '' }
      const current = num(data.currentstep)
      const total = num(data.totalsteps)
      if (current !== undefined) out.current = current
      if (total !== undefined) out.total = total
      const progress = str(data.progress)
      if (progress) out.progress = progress
      return out
    }
    case 'info':
    case 'warning':
      return { kind: type, message }
    case 'error': {
      const out: MinikubeEvent = { kind: 'error', message }
      const exitCode = num(data.exitcode)
      if (exitCode !== undefined) out.exitCode = exitCode
      for (const [key, field] of [
        ['name', 'reason'],
        ['advice', 'advice'],
        ['url', 'url'],
      ] as const) {
        const v = str(data[key])
        if (v) out[field] = v
      }
      return out
    }
    default:
      return undefined
  }
}
