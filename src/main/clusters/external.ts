import type { ExternalCluster } from '@shared/contract'
import { recognizeLocalCluster } from '@shared/local-clusters'

export interface ExternalDeps {
  /** The kubeconfig's contexts with their servers. */
  contexts: () => Promise<readonly { name: string; server: string }[]>
  /** Contexts of the clusters Skiff's own providers list: those are not external. */
  managedContexts: () => Promise<ReadonlySet<string>>
  /** `GET /version` through the context's own credentials; resolves to its gitVersion. */
  version: (context: string, signal: AbortSignal) => Promise<string>
  timeoutMs?: number
}

/** Probes answer within this, so a stopped Docker Desktop cannot hold the Clusters page. */
const PROBE_MS = 3000

/**
 * Local clusters other tools manage (Docker Desktop, Rancher Desktop, k3d, OrbStack, Colima, and kind or
 * minikube clusters Skiff's providers do not list), recognised by context name and asked for their version.
 * Skiff shows them; it does not start, stop or delete them.
 */
export async function listExternalClusters(deps: ExternalDeps): Promise<ExternalCluster[]> {
  const [contexts, managed] = await Promise.all([
    deps.contexts(),
    deps.managedContexts().catch(() => new Set<string>()),
  ])
  const timeoutMs = deps.timeoutMs ?? PROBE_MS
  const found = contexts.flatMap((c) => {
    const match = managed.has(c.name) ? undefined : recognizeLocalCluster(c.name)
    return match ? [{ context: c, match }] : []
  })
  return Promise.all(
    found.map(async ({ context, match }): Promise<ExternalCluster> => {
      const base = { contextName: context.name, ...match, server: context.server }
      try {
        const signal = AbortSignal.timeout(timeoutMs)
        return { ...base, reachable: true, kubernetesVersion: await deps.version(context.name, signal) }
      } catch (err) {
        return { ...base, reachable: false, problem: probeProblem(err, timeoutMs) }
      }
    }),
  )
}

function probeProblem(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; message?: string }
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `It did not answer within ${timeoutMs / 1000} s.`
  if (e.code === 'ECONNREFUSED') return 'Nothing is listening at its address: it is probably stopped.'
  return `It did not answer: ${e.message ?? String(err)}`
}
