import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeEnv, isAlive } from '../../../test/support/fake-env'
import type { FakeEnv } from '../../../test/support/fake-env'
import { fakesPath } from '../../../test/fakes/path'
import { formatCommand, run } from './run'

let fe: FakeEnv | undefined
afterEach(async () => {
  await fe?.cleanup()
  fe = undefined
})

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('run', { timeout: 60_000 }, () => {
  it('passes shell metacharacters literally and never reaches a shell', async () => {
    fe = await createFakeEnv()
    const marker = join(fe.root, 'pwned')
    const args = [
      `; touch ${marker}`,
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `| touch ${marker} &`,
      "it's",
    ]
    const r = await run(process.execPath, [
      '-e',
      'console.log(JSON.stringify(process.argv.slice(1)))',
      ...args,
    ])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(args)
    expect(existsSync(marker)).toBe(false)
  })

  it('streams lines, splitting on \\r and stripping ANSI', async () => {
    const lines: string[] = []
    const script = "process.stderr.write('a\\rb\\n\\x1b[32m✓\\x1b[0m done\\n'); process.stdout.write('out')"
    const r = await run(process.execPath, ['-e', script], { onLine: (s, l) => lines.push(`${s}:${l}`) })
    expect(lines.sort()).toEqual(['stderr:a', 'stderr:b', 'stderr:✓ done', 'stdout:out'])
    expect(r.stderr).toBe('a\nb\n✓ done\n')
  })

  it('reports a program that does not exist', async () => {
    const r = await run('/nonexistent/skiff-tool', ['x'])
    expect(r.exitCode).toBeUndefined()
    expect(r.startError).toMatch(/not found/)
  })

  it('kills a hung process after the timeout', async () => {
    const started = Date.now()
    const r = await run(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 })
    expect(r.timedOut).toBe(true)
    expect(r.exitCode).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('cancel kills the child and the helpers in its process group', async () => {
    fe = await createFakeEnv({ FAKE_HANG: '1', FAKE_SPAWN_HELPER: '1' })
    const controller = new AbortController()
    const pending = run(join(fakesPath(), 'kind'), ['version'], { signal: controller.signal, env: fe.env })
    await waitFor(() => fe!.recordedPids().length === 2)
    const pids = fe.recordedPids()
    expect(pids.every(isAlive)).toBe(true)
    controller.abort()
    const r = await pending
    expect(r.cancelled).toBe(true)
    await waitFor(() => pids.every((p) => !isAlive(p)))
  })

  it('formats commands for diagnostics', () => {
    expect(formatCommand(['kind', 'create', 'cluster', '--name', 'demo'])).toBe(
      'kind create cluster --name demo',
    )
    expect(formatCommand(['echo', "it's here"])).toBe("echo 'it'\\''s here'")
  })
})
