import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { execa } from 'execa'
import { stringify } from 'yaml'
import type { RunningSandbox } from '@sandbox'
import { sandboxKubeconfigEntry } from '@sandbox'

// The one way tests run the real kubectl: every runner has its own KUBECONFIG, KUBECACHEDIR and HOME, so runs
// never share a discovery cache or read the developer's ~/.kube.
export const KUBECTL = '/usr/bin/kubectl'

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface KubectlRunner {
  run(args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<KubectlResult>
  /** Like run, but fails with kubectl's stderr on a non-zero exit and returns stdout. */
  out(args: string[]): Promise<string>
  spawn(args: string[]): ReturnType<typeof execa>
  dir: string
  kubeconfig: string
  cleanup(): Promise<void>
}

/** A runner over a KUBECONFIG list; its cache and home live in `dir`, which cleanup() removes only if owned. */
export function kubectlWith(dir: string, files: string[], owned = false): KubectlRunner {
  if (!existsSync(KUBECTL)) throw new Error(`kubectl is required for this test but ${KUBECTL} is missing`)
  const kubeconfig = files.join(delimiter)
  const env = { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'kube-cache'), HOME: join(dir, 'home') }
  const spawned = new Set<ReturnType<typeof execa>>()
  const run: KubectlRunner['run'] = async (args, opts = {}) => {
    const r = await execa(KUBECTL, args, {
      env,
      reject: false,
      stripFinalNewline: false,
      timeout: opts.timeoutMs ?? 20_000,
      ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' }),
    })
    return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 }
  }
  return {
    dir,
    kubeconfig,
    run,
    async out(args) {
      const r = await run(args)
      if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.exitCode}: ${r.stderr}`)
      return r.stdout
    },
    spawn(args) {
      const child = execa(KUBECTL, args, { env, reject: false, stdin: 'ignore', buffer: true })
      spawned.add(child)
      return child
    },
    async cleanup() {
      for (const child of spawned) child.kill()
      if (owned) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A kubeconfig file's text with one context for the sandbox, named as Skiff names it (`sandbox-<name>`). */
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

/** kubectl pointed at a running sandbox, in a temp folder that cleanup() removes. */
export async function kubectlFor(sb: RunningSandbox): Promise<KubectlRunner> {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-kubectl-'))
  const file = join(dir, 'config')
  await writeFile(file, kubeconfigYaml(sb))
  return kubectlWith(dir, [file], true)
}
