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
  out(args: string[], opts?: { input?: string }): Promise<string>
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
      // Generous: on a loaded CI box kubectl's own start-up can take many seconds.
      timeout: opts.timeoutMs ?? 60_000,
      ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' }),
    })
    return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 }
  }
  return {
    dir,
    kubeconfig,
    run,
    async out(args, opts) {
      const r = await run(args, opts)
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

/** What kubectl tests repeat: `ok` (kubectl must exit 0; its stdout), `jsonpath`, and `seconds` of sandbox time. */
export interface KubectlSteps {
  ok(args: string[], input?: string): Promise<string>
  /** `jsonpath('pod/a', '{.x}')` gets one object; an array is the whole command, e.g. `['get', 'pods', '-A']`. */
  jsonpath(what: string | string[], path: string): Promise<string>
  /** Steps a manualClock sandbox's time; the clock fires every timer on the way, in order. */
  seconds(n: number): Promise<void>
}

/** Steps bound late: the runner and the sandbox are made in beforeAll, after the test file's top level runs. */
export function kubectlSteps(runner: () => KubectlRunner, sandbox?: () => RunningSandbox): KubectlSteps {
  const ok: KubectlSteps['ok'] = (args, input) => runner().out(args, input !== undefined ? { input } : {})
  return {
    ok,
    jsonpath: (what, path) =>
      ok([...(typeof what === 'string' ? ['get', ...what.split(' ')] : what), '-o', `jsonpath=${path}`]),
    async seconds(n) {
      if (!sandbox) throw new Error('kubectlSteps: seconds() needs the sandbox')
      await sandbox().advance(n * 1000)
    },
  }
}
