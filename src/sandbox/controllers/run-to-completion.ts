import { fnv32a, rfc3339 } from '../api/names'
import type { ContainerSpec, ContainerStatus, Pod } from '../types'

// How long a container of a run-to-completion pod (restartPolicy Never or OnFailure: Jobs, `kubectl run
// --restart=Never`) runs before its process exits, and with which code. Nothing runs, so this is read from
// what the container was asked to do: `sleep N` takes N seconds, `exit N` and `false` fail, an image named
// to fail (`busybox-fail`, `fail:1`) exits 1, any other finite command succeeds after a few seconds.
// Servers (no command on an image that is not a plain tool image), `sleep infinity`, `tail -f` and
// interactive (stdin) containers keep running, as they would.
export interface PlannedExit {
  afterMs: number
  exitCode: number
}

const TOOL_IMAGES = new Set([
  'busybox',
  'alpine',
  'perl',
  'python',
  'ubuntu',
  'debian',
  'bash',
  'curl',
  'node',
  'ruby',
  'golang',
  'hello-world',
])

function imageBase(image: string): string {
  const path = image.split('@')[0]?.replace(/:[^/]+$/, '') ?? ''
  return path.split('/').pop() ?? path
}

function commandText(c: ContainerSpec): string {
  const parts = [c.command, c.args].flatMap((v) => (Array.isArray(v) ? v.map(String) : []))
  return parts.join(' ')
}

export function isMeantToFail(image: string): boolean {
  return /(^|[-_/:.])fail(s|ing|ure)?($|[-_/:.@])/.test(image)
}

export function plannedExit(pod: Pod, c: ContainerSpec): PlannedExit | undefined {
  const policy = pod.spec.restartPolicy ?? 'Always'
  if (policy === 'Always' || c.stdin === true || c.tty === true) return undefined
  const cmd = commandText(c)
  const base = imageBase(c.image)
  if (cmd === '' && !TOOL_IMAGES.has(base) && !isMeantToFail(c.image)) return undefined
  if (/sleep\s+inf/.test(cmd) || /tail\s+-f/.test(cmd) || /while\s+true/.test(cmd)) return undefined
  const sleeps = [...cmd.matchAll(/sleep\s+(\d+(?:\.\d+)?)/g)].reduce((sum, m) => sum + Number(m[1]), 0)
  const jitter = fnv32a(`${pod.metadata.name}/${c.name}`) % 1000
  const afterMs = sleeps > 0 ? sleeps * 1000 : 2000 + jitter
  const exit = /(?:^|[;&|\s])exit\s+(\d+)/.exec(cmd)
  const exitCode = exit
    ? Number(exit[1])
    : /(?:^|[;&|\s])false(?:$|[;&|\s])/.test(cmd) || isMeantToFail(c.image)
      ? 1
      : 0
  return { afterMs, exitCode }
}

/** A running container whose planned run time is over: its process exits (terminated, not restarted here). */
export function exitedStep(
  pod: Pod,
  c: ContainerSpec,
  st: ContainerStatus,
  now: number,
): { status: ContainerStatus; nextAt?: number; events: [] } | undefined {
  const exit = st.state.running ? plannedExit(pod, c) : undefined
  if (!exit || !st.state.running) return undefined
  const startedAt = st.state.running.startedAt
  const exitAt = Date.parse(startedAt) + exit.afterMs
  if (now < exitAt) return { status: st, nextAt: exitAt, events: [] }
  return {
    status: {
      ...st,
      ready: false,
      started: false,
      state: {
        terminated: {
          exitCode: exit.exitCode,
          reason: exit.exitCode === 0 ? 'Completed' : 'Error',
          startedAt,
          finishedAt: rfc3339(now),
          ...(st.containerID ? { containerID: st.containerID } : {}),
        },
      },
    },
    events: [],
  }
}
