import { execFile } from 'node:child_process'
import { createKubeService } from '../src/main/kube'
import { createKubeConfigSource } from '../src/main/kubeconfig/client-config'
import type { BenchCluster } from './cluster'
import { timed } from './stats'

export interface ListComparison {
  skiffMs: number
  kubectlJsonMs: number
  kubectlTableMs: number
  rows: number
}

function kubectl(env: NodeJS.ProcessEnv, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile('kubectl', args, { env, maxBuffer: 1 << 30 }, (err, stdout) => {
      if (err) reject(err)
      else resolve(stdout.length)
    })
  })
}

/** Time for Skiff's backend to list and project a namespace's pods: a fresh watch cache up to its snapshot. */
export async function skiffList(
  cluster: BenchCluster,
  namespace: string,
): Promise<{ ms: number; rows: number }> {
  const service = createKubeService({ getKubeConfig: createKubeConfigSource(cluster.env) })
  const abort = new AbortController()
  try {
    const { ms, result } = await timed(async () => {
      let rows = 0
      for await (const event of service.watch({ kind: 'pods', namespaces: [namespace] }, abort.signal)) {
        if (event.type !== 'snapshot') continue
        rows += event.rows.length
        if (!event.more) return rows // the whole list, however many parts it came in
      }
      return rows
    })
    return { ms, rows: result }
  } finally {
    abort.abort()
    service.close()
  }
}

/** One round of scenario 5: Skiff's list+projection, `kubectl get pods -o json` and `kubectl get pods`. */
export async function compareWithKubectl(cluster: BenchCluster, namespace: string): Promise<ListComparison> {
  const skiff = await skiffList(cluster, namespace)
  const json = await timed(() => kubectl(cluster.env, ['get', 'pods', '-n', namespace, '-o', 'json']))
  const table = await timed(() => kubectl(cluster.env, ['get', 'pods', '-n', namespace]))
  return { skiffMs: skiff.ms, kubectlJsonMs: json.ms, kubectlTableMs: table.ms, rows: skiff.rows }
}
