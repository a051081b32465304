import { describe, expect, it } from 'vitest'
import { createBackend } from '../backend'
import { runCli, type CliIo } from './run-cli'

function io(): CliIo & { outLines: string[]; errLines: string[]; interrupt: () => void } {
  const outLines: string[] = []
  const errLines: string[] = []
  let stop = (): void => {}
  return {
    outLines,
    errLines,
    out: (l) => outLines.push(l),
    err: (l) => errLines.push(l),
    onInterrupt: (s) => (stop = s),
    interrupt: () => stop(),
    methodNames: ['system.info'],
    streamNames: ['system.tools'],
  }
}

const backend = createBackend({
  transport: 'cli',
  dataDir: '/tmp',
  run: async () => 'v1.0.0',
  env: { PATH: '' },
})

describe('cli', () => {
  it('call prints the JSON result', async () => {
    const o = io()
    expect(await runCli(['call', 'system.info', '{}'], backend.dispatcher, o)).toBe(0)
    expect(JSON.parse(o.outLines.join('\n'))).toMatchObject({ app: { name: 'Skiff' }, transport: 'cli' })
  })

  it('call prints the typed error and exits 1 on bad input', async () => {
    const o = io()
    expect(await runCli(['call', 'system.info', '{"x":1}'], backend.dispatcher, o)).toBe(1)
    expect(JSON.parse(o.errLines.join('\n'))).toMatchObject({ code: 'BadInput' })
  })

  it('usage and invalid JSON exit 2', async () => {
    expect(await runCli([], backend.dispatcher, io())).toBe(2)
    expect(await runCli(['call', 'system.info', '{'], backend.dispatcher, io())).toBe(2)
  })

  it('watch prints events as JSON lines until interrupted', async () => {
    const o = io()
    const done = runCli(['watch', 'system.tools', '{"intervalMs":1000}'], backend.dispatcher, o)
    await expect.poll(() => o.outLines.length).toBeGreaterThan(0)
    expect(Array.isArray(JSON.parse(o.outLines[0]!))).toBe(true)
    o.interrupt()
    expect(await done).toBe(0)
    expect(backend.dispatcher.activeSubscriptions()).toBe(0)
  })
})
