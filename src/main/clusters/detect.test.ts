import { afterEach, describe, expect, it } from 'vitest'
import { detectEngine } from './detect'
import { createFakeEnv } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { run } from './run'
import type { RunFn } from './run'
import { createWhich } from './which'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

async function engineWith(
  tools: string[],
  extra: Record<string, string> = {},
): Promise<ReturnType<typeof detectEngine>> {
  fe ??= await createFakeEnv()
  const env = { ...fe.env, ...extra, PATH: await fe.pathWith(...tools) }
  return detectEngine({ run, which: createWhich(env.PATH), env, probeTimeoutMs: 10_000 })
}

describe('detectEngine', { timeout: 60_000 }, () => {
  it('accepts Podman when Docker is absent', async () => {
    expect(await engineWith(['podman'])).toMatchObject({ ok: true, label: 'Podman', version: '5.4.0' })
  })

  it('falls through a stopped Docker to a running Podman', async () => {
    fe = await createFakeEnv()
    const env = { ...fe.env, PATH: await fe.pathWith('docker', 'podman') }
    // Only docker is down: its fake reads the knob, podman's is given a clean environment.
    const runDockerDown: RunFn = (file, args, options) =>
      run(file, args, { ...options, env: { ...env, FAKE_NO_ENGINE: file.endsWith('docker') ? '1' : '0' } })
    const check = await detectEngine({ run: runDockerDown, which: createWhich(env.PATH) })
    expect(check).toMatchObject({ ok: true, label: 'Podman' })
  })

  it('explains both engines down in plain words', async () => {
    const check = await engineWith(['docker', 'podman'], { FAKE_NO_ENGINE: '1' })
    expect(check.ok).toBe(false)
    expect(check.explanation).toContain('Docker is installed at')
    expect(check.explanation).toContain('Cannot connect to the Docker daemon')
    // Docker's own question keeps its question mark (it used to read "…daemon running. Podman…").
    expect(check.explanation).toMatch(/Is the docker daemon running\? /)
    expect(check.explanation).toContain('Podman is installed at')
    expect(check.explanation).toMatch(/Start Docker Desktop/)
    expect(check.installUrl).toMatch(/^https:\/\/docs\.docker\.com/)
  })

  it('a binary that cannot run is reported, not thrown', async () => {
    fe = await createFakeEnv()
    const env = { ...fe.env, PATH: await fe.pathWith('docker') }
    const failing: RunFn = async (file, args) => ({
      argv: [file, ...args],
      exitCode: undefined,
      stdout: '',
      stderr: '',
      timedOut: false,
      cancelled: false,
      startError: 'permission denied',
    })
    const check = await detectEngine({ run: failing, which: createWhich(env.PATH) })
    expect(check).toMatchObject({ ok: false, explanation: expect.stringContaining('permission denied') })
  })
})
