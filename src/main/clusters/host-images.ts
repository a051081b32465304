import type { HostImages } from '@shared/contract/dev-loop'
import { parseDockerImages, parsePodmanImages } from './image-parse'
import type { RunFn } from './run'
import type { WhichFn } from './which'

export interface HostImageDeps {
  run: RunFn
  which: WhichFn
  env?: Record<string, string | undefined>
  timeoutMs?: number
}

/** The images this machine's engine has: docker first (what kind loads from), else podman. */
export async function listHostImages(deps: HostImageDeps): Promise<HostImages> {
  const problems: string[] = []
  const engines = [
    { engine: 'docker', args: ['images', '--format', 'json'], parse: parseDockerImages },
    { engine: 'podman', args: ['images', '--format', 'json'], parse: parsePodmanImages },
  ] as const
  for (const e of engines) {
    const file = await deps.which(e.engine)
    if (!file) continue
    const options = { timeoutMs: deps.timeoutMs ?? 15_000, ...(deps.env ? { env: deps.env } : {}) }
    const r = await deps.run(file, e.args, options)
    if (r.exitCode === 0) return { engine: e.engine, images: e.parse(r.stdout) }
    const why = r.timedOut ? 'did not answer in time' : r.stderr.trim().split('\n').at(-1) || 'failed'
    problems.push(`${e.engine} images: ${why}`)
  }
  return {
    images: [],
    problem: problems.length
      ? problems.join('; ')
      : 'Neither docker nor podman is installed on this machine.',
  }
}
