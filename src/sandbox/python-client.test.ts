import { execa } from 'execa'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor } from '../../test/support/kubectl'

// A second official client: Debian's python3-kubernetes runs the core flows (list, create, watch with
// watch=True, strategic patch, scale, errors, delete). CI installs it (.ci/run) and must not skip this.
const PYTHON = '/usr/bin/python3'
const SCRIPT = new URL('../../test/support/python_client_flows.py', import.meta.url).pathname

async function hasPythonClient(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false
  const r = await execa(PYTHON, ['-c', 'import kubernetes'], { reject: false })
  return r.exitCode === 0
}

const available = await hasPythonClient()
if (!available && process.env.CI === 'true') {
  throw new Error('python3-kubernetes is missing: .ci/run installs it with apt-get')
}

let sb: RunningSandbox
let k: KubectlRunner

describe.skipIf(!available)('python3-kubernetes against the sandbox', () => {
  beforeAll(async () => {
    sb = await startSandbox({ name: 'pyclient', speed: 20 })
    k = await kubectlFor(sb)
  })
  afterAll(async () => {
    await k.cleanup()
    await sb.stop()
  })

  it('lists, creates, watches, patches, scales and deletes', async () => {
    const r = await execa(PYTHON, [SCRIPT, k.kubeconfig], { reject: false, timeout: 60_000 })
    expect(r.exitCode, String(r.stderr)).toBe(0)
    const out = JSON.parse(String(r.stdout)) as Record<string, unknown>
    expect(out).toEqual({
      version: '32',
      namespaces: ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage'],
      patched: { a: '1', b: '2' },
      watch: [['MODIFIED', { a: '1', b: '2' }]],
      scaled: 3,
      missing: [404, 'NotFound'],
      after_delete: ['kube-root-ca.crt'],
    })
  })
})
