import { existsSync } from 'node:fs'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import type { KubectlRunner } from '../../../test/support/kubectl'
import { kubectlFor } from '../../../test/support/kubectl'

// The official Python client's exec and port-forward (WebSocket v4 channels). CI installs python3-kubernetes
// (.ci/run, with the core-flow test) and must not skip this.
// Real kubectl processes and pods starting on a shared, loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })
const PYTHON = '/usr/bin/python3'
const SCRIPT = new URL('../../../test/support/python_stream_flows.py', import.meta.url).pathname

async function hasPythonClient(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false
  return (await execa(PYTHON, ['-c', 'import kubernetes.stream'], { reject: false })).exitCode === 0
}

const available = await hasPythonClient()
if (!available && process.env.CI === 'true') {
  throw new Error('python3-kubernetes is missing: .ci/run installs it with apt-get')
}

let sb: RunningSandbox
let k: KubectlRunner

describe.skipIf(!available)('python3-kubernetes exec and port-forward', () => {
  beforeAll(async () => {
    sb = await startSandbox({ name: 'pystream', speed: 20 })
    k = await kubectlFor(sb)
    const run = await k.run(['run', 'web', '--image=nginx:1.27', '--port=80'])
    expect(run.exitCode, run.stderr).toBe(0)
    const ready = await k.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=30s'])
    expect(ready.exitCode, ready.stderr).toBe(0)
  })
  afterAll(async () => {
    await k.cleanup()
    await sb.stop()
  })

  it('runs commands with their exit code and forwards HTTP to nginx', async () => {
    const r = await execa(PYTHON, [SCRIPT, k.kubeconfig, 'web'], { reject: false, timeout: 60_000 })
    expect(r.exitCode, String(r.stderr)).toBe(0)
    const out = JSON.parse(String(r.stdout)) as Record<string, unknown>
    expect(out.exec).toEqual({
      stdout: 'web\n',
      stderr: "cat: can't open '/nope': No such file or directory\n",
      code: 3,
    })
    expect(out.exec_simple).toBe('web\n')
    expect(out.forward).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*<title>Welcome to nginx!<\/title>/)
    expect(out.forward_error).toBeNull()
  })
})
