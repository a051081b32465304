import { KubeConfig } from '@kubernetes/client-node'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { kubectlFor, type KubectlRunner } from './kubectl'
import type { ActionDeps } from '../../src/main/workloads/deps'

// Test support: a sandbox, a client-node config for it and a kubectl runner with its own KUBECONFIG.
export interface SandboxFixture {
  sandbox: RunningSandbox
  deps: ActionDeps
  kubectl: KubectlRunner
  kubeConfig: KubeConfig
  stop(): Promise<void>
}

export function kubeConfigFor(sb: RunningSandbox): KubeConfig {
  const kc = new KubeConfig()
  kc.loadFromOptions({
    clusters: [{ name: 'sb', server: sb.url, caData: sb.caData }],
    users: [{ name: 'sb', token: sb.token }],
    contexts: [{ name: 'sb', cluster: 'sb', user: 'sb' }],
    currentContext: 'sb',
  })
  return kc
}

export async function startFixture(name: string, speed = 50, manualClock = false): Promise<SandboxFixture> {
  const sandbox = await startSandbox({ name, speed, manualClock })
  const kubeConfig = kubeConfigFor(sandbox)
  const kubectl = await kubectlFor(sandbox)
  return {
    sandbox,
    kubeConfig,
    kubectl,
    deps: { getKubeConfig: () => Promise.resolve(kubeConfig) },
    async stop() {
      await kubectl.cleanup()
      await sandbox.stop()
    },
  }
}

/** Polls until `check` returns a value (not undefined), or fails with the last state after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  ms = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms
  let last: unknown
  for (;;) {
    try {
      const v = await check()
      if (v !== undefined) return v
    } catch (err) {
      last = err
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
