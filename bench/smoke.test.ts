import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)

describe('npm run bench', () => {
  it('runs every scenario at toy sizes and prints its table (so the bench cannot rot)', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/index.ts', '--smoke'], {
      timeout: 400_000,
      maxBuffer: 10_000_000,
    })
    for (const figure of [
      'open → first rows painted',
      'write → DOM latency p95',
      'renderer JS heap',
      'backend JS heap after GC',
      'lines delivered per second',
      'Ratio Skiff / kubectl -o json',
      'Sandbox LIST',
      'Sandbox exec round trip',
      'kubectl port-forward: HTTP GET',
      'CRD with',
    ]) {
      expect(stdout).toContain(figure)
    }
    expect(stdout).not.toContain('Failed scenarios')
  }, 420_000)
})
