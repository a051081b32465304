import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { detectTools, type RunVersion } from './detect-tools'
import { runVersion } from './run-version'
import { versionProbes } from './tool-versions'

const bin = mkdtempSync(join(tmpdir(), 'skiff-tools-'))
afterAll(() => rmSync(bin, { recursive: true, force: true }))

function tool(name: string, script: string): void {
  const file = join(bin, name)
  writeFileSync(file, `#!/bin/sh\n${script}\n`)
  chmodSync(file, 0o755)
}

describe('tool version parsing', () => {
  it('reads each tool’s own version format', () => {
    expect(versionProbes.kubectl.parse('{"clientVersion":{"gitVersion":"v1.32.4"}}')).toBe('v1.32.4')
    expect(versionProbes.kind.parse('kind v0.27.0 go1.23.6 linux/amd64')).toBe('v0.27.0')
    expect(versionProbes.minikube.parse('{"commit":"x","minikubeVersion":"v1.35.0"}')).toBe('v1.35.0')
    expect(versionProbes.docker.parse('Docker version 28.2.2, build e6534b4')).toBe('v28.2.2')
    expect(versionProbes.podman.parse('podman version 5.4.0')).toBe('v5.4.0')
    expect(versionProbes.kind.parse('garbage')).toBeUndefined()
    expect(versionProbes.kubectl.parse('{not json')).toBeUndefined()
  })
})

describe('detectTools', () => {
  it('reports found, missing, hanging and failing tools without throwing', async () => {
    tool('kind', 'echo "kind v0.27.0 go1.23.6 linux/amd64"')
    tool('minikube', 'exec sleep 5')
    tool('docker', 'echo nope >&2; exit 3')
    tool('podman', 'echo "who knows"')
    // Only the hanging tool meets the 0.3 s budget: on a loaded box a shell that echoes can take longer than
    // that to start (kind was once reported as not answering), and what is checked for the others is their
    // answer, not their speed.
    const run: RunVersion = (file, args, timeoutMs) =>
      runVersion(file, args, file.endsWith('/minikube') ? timeoutMs : 30_000)
    const tools = await detectTools({ run, path: bin, timeoutMs: 300 })
    const by = Object.fromEntries(tools.map((t) => [t.name, t]))
    expect(by.kubectl).toEqual({ name: 'kubectl', found: false })
    expect(by.kind).toEqual({ name: 'kind', found: true, path: join(bin, 'kind'), version: 'v0.27.0' })
    expect(by.minikube).toMatchObject({ found: true, problem: 'did not answer within 0.3 s' })
    expect(by.docker).toMatchObject({ found: true, problem: 'exited with code 3 when asked for its version' })
    expect(by.podman).toMatchObject({ found: true, problem: 'unrecognised version output' })
  })

  it('finds the real kubectl and reads the same version kubectl prints', async () => {
    const [kubectl] = await detectTools({ run: runVersion, path: process.env.PATH ?? '' })
    expect(kubectl?.found, 'kubectl must be installed on this machine').toBe(true)
    const own = JSON.parse(await runVersion('kubectl', ['version', '--client', '-o', 'json'], 10_000)) as {
      clientVersion: { gitVersion: string }
    }
    expect(kubectl?.version).toBe(own.clientVersion.gitVersion)
  })
})
