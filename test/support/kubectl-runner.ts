import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { stringify } from 'yaml'

// Test support: the real kubectl with its own KUBECONFIG and KUBECACHEDIR, so runs never share a cache.
export const KUBECTL = '/usr/bin/kubectl'

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface KubectlRunner {
  run(args: string[], opts?: { input?: string }): Promise<KubectlResult>
  cleanup(): Promise<void>
}

export async function kubectlRunner(cluster: {
  url: string
  caData: string
  token: string
}): Promise<KubectlRunner> {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-actions-kubectl-'))
  const kubeconfig = join(dir, 'config')
  await writeFile(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'sb', cluster: { server: cluster.url, 'certificate-authority-data': cluster.caData } },
      ],
      users: [{ name: 'sb', user: { token: cluster.token } }],
      contexts: [{ name: 'sb', context: { cluster: 'sb', user: 'sb' } }],
      'current-context': 'sb',
    }),
  )
  const env = { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir }
  return {
    async run(args, opts = {}) {
      const r = await execa(KUBECTL, args, {
        env,
        reject: false,
        timeout: 20_000,
        stripFinalNewline: false,
        ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' }),
      })
      return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 }
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}
