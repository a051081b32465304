import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { stringify } from 'yaml'
import type { RunningSandbox } from '@sandbox'
import { sandboxKubeconfigEntry } from '@sandbox'

// Test helper: runs the real kubectl against a sandbox with its own KUBECONFIG and KUBECACHEDIR.
export const KUBECTL = '/usr/bin/kubectl'

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface KubectlRunner {
  run(args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<KubectlResult>
  spawn(args: string[]): ReturnType<typeof execa>
  dir: string
  kubeconfig: string
  cleanup(): Promise<void>
}

export function kubeconfigYaml(sb: RunningSandbox): string {
  const e = sandboxKubeconfigEntry(sb)
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: e.cluster.name,
        cluster: { server: e.cluster.server, 'certificate-authority-data': e.cluster.caData },
      },
    ],
    users: [{ name: e.user.name, user: { token: e.user.token } }],
    contexts: [{ name: e.context.name, context: { cluster: e.context.cluster, user: e.context.user } }],
    'current-context': e.context.name,
  })
}

export async function kubectlFor(sb: RunningSandbox): Promise<KubectlRunner> {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-kubectl-'))
  const kubeconfig = join(dir, 'config')
  await writeFile(kubeconfig, kubeconfigYaml(sb))
  const env = { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir }
  const spawned = new Set<ReturnType<typeof execa>>()
  return {
    dir,
    kubeconfig,
    async run(args, opts = {}) {
      const r = await execa(KUBECTL, args, {
        env,
        reject: false,
        stripFinalNewline: false,
        timeout: opts.timeoutMs ?? 20_000,
        ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' }),
      })
      return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 }
    },
    spawn(args) {
      const child = execa(KUBECTL, args, { env, reject: false, stdin: 'ignore', buffer: true })
      spawned.add(child)
      return child
    },
    async cleanup() {
      for (const child of spawned) child.kill()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
