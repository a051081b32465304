import { ClusterError } from './errors'
import { parseCrictlImages } from './image-parse'
import { kindFailure } from './kind-provider'
import type { Tool } from './tool'
import type { OnProviderEvent } from './types'

const LOAD_TIMEOUT_MS = 10 * 60_000

function adviceFor(stderr: string, cluster: string): string | undefined {
  if (/not present locally/.test(stderr))
    return 'Build or pull the image on this machine first: it must be in `docker images`.'
  if (/no nodes found for cluster/.test(stderr))
    return `kind finds no nodes for "${cluster}": is the cluster still there (kind get clusters)?`
  return undefined
}

/** `kind load docker-image IMAGE --name CLUSTER`, one progress step, kind's own lines in the log. */
export async function kindLoadImage(
  tool: Tool,
  cluster: string,
  image: string,
  onEvent: OnProviderEvent,
  signal: AbortSignal,
): Promise<void> {
  const step = { type: 'progress', step: 'Loading image', current: 1, total: 1 } as const
  onEvent({ ...step, title: `Loading ${image} into ${cluster}`, state: 'running' })
  const r = await tool.exec(['load', 'docker-image', image, '--name', cluster], {
    timeoutMs: LOAD_TIMEOUT_MS,
    signal,
    onEvent,
  })
  if (r.cancelled) throw new ClusterError(`Loading "${image}" was cancelled`)
  if (r.exitCode !== 0) {
    onEvent({ ...step, title: `Could not load ${image}`, state: 'failed' })
    const failure = kindFailure('load docker-image', r)
    const advice = adviceFor(r.stderr, cluster)
    if (!advice) throw failure
    throw new ClusterError(failure.message, {
      advice,
      ...(failure.exitCode === undefined ? {} : { exitCode: failure.exitCode }),
    })
  }
  onEvent({ ...step, title: `Loaded ${image} into ${cluster}`, state: 'done' })
}

/** What each node's containerd holds (`crictl images -o json` inside the node), merged. */
export async function kindNodeImages(tool: Tool, nodes: string[]): Promise<string[]> {
  const all = new Set<string>()
  for (const node of nodes) {
    const r = await tool.engine(['exec', node, 'crictl', 'images', '-o', 'json'], { timeoutMs: 30_000 })
    if (r.exitCode !== 0)
      throw new ClusterError(`Could not list the images on node "${node}": ${r.stderr.trim()}`)
    for (const image of parseCrictlImages(r.stdout)) all.add(image)
  }
  return [...all].sort()
}
