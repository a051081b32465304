import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseCliArgs } from './cli-args'
import { runSandboxCli } from './cli'
import { KUBECTL } from '../../test/support/kubectl'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-sandbox-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('sandbox CLI', () => {
  it('parses its flags and rejects bad ones', () => {
    expect(parseCliArgs(['--name', 'demo', '--port', '6443', '--nodes', '3'])).toEqual({
      name: 'demo',
      port: 6443,
      nodes: 3,
      speed: 1,
    })
    expect(() => parseCliArgs([])).toThrow('--name is required')
    expect(() => parseCliArgs(['--name', 'x', '--port', 'abc'])).toThrow('--port must be')
    expect(() => parseCliArgs(['--name', 'x', '--bogus'])).toThrow()
  })

  it('writes a sandbox-<name> context that kubectl can use, then prints ready', async () => {
    const kubeconfig = join(dir, 'config')
    const lines: string[] = []
    const sb = await runSandboxCli(['--name', 'clidemo', '--kubeconfig', kubeconfig], {}, (l) =>
      lines.push(l),
    )
    try {
      expect(lines.at(-1)).toBe(`ready ${sb.url}`)
      const doc = parse(await readFile(kubeconfig, 'utf8')) as { 'current-context': string }
      expect(doc['current-context']).toBe('sandbox-clidemo')
      const r = await execa(KUBECTL, ['get', 'nodes', '-o', 'name'], {
        env: { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir },
        reject: false,
      })
      expect(r.stdout).toBe('node/clidemo-control-plane')
    } finally {
      await sb.stop()
    }
  })

  it('runs in the foreground and stops cleanly on SIGTERM', async () => {
    const kubeconfig = join(dir, 'config')
    const cli = join(import.meta.dirname, 'cli.ts')
    const child = execa(
      process.execPath,
      ['--import', 'tsx', cli, '--name', 'fg', '--kubeconfig', kubeconfig],
      {
        reject: false,
        cwd: join(import.meta.dirname, '../..'),
        env: { KUBECONFIG: '' },
      },
    )
    try {
      await new Promise<void>((resolve, reject) => {
        let out = ''
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString()
          if (/^ready https:\/\/127\.0\.0\.1:\d+$/m.test(out)) resolve()
        })
        void child.then(() => reject(new Error(`exited early: ${out}`)))
      })
      child.kill('SIGTERM')
    } finally {
      // never leak the process, even when the test fails
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    }
    const result = await child
    expect(result.exitCode).toBe(0)
  }, 30_000)
})
