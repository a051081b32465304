import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { stopGroup } from './process-group'

// The bench runs in a process group of its own (detached) with everything it starts in it: its web backend,
// the kinds-backend and list-cost children. A SIGTERM to the bench alone can leave them running (Playwright's
// SIGTERM handler keeps the bench alive while it closes its browser, and the bench's `finally` never runs), so
// whatever happens (pass, failure, our own deadline, Vitest's) the whole group is ended here.
// BENCH_SMOKE_DEADLINE_MS: a shorter deadline, to check that a timed-out run leaves nothing behind.
const DEADLINE_MS = Number(process.env.BENCH_SMOKE_DEADLINE_MS ?? 400_000)
let bench: ChildProcess | undefined

afterAll(async () => {
  if (bench?.pid) {
    const left = await stopGroup(bench.pid)
    expect(left, 'processes of the bench still running after it ended').toEqual([])
  }
}, 30_000)

describe('npm run bench', () => {
  it('runs every scenario at toy sizes and prints its table (so the bench cannot rot)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/index.ts', '--smoke'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    bench = child
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
    const code = await new Promise<number | string>((resolve, reject) => {
      const timer = setTimeout(() => {
        // The bench's own log says which scenario it was in.
        void stopGroup(child.pid!).then(() =>
          reject(new Error(`bench --smoke did not end in ${DEADLINE_MS / 1000} s:\n${stdout}\n${stderr}`)),
        )
      }, DEADLINE_MS)
      child.once('error', reject)
      child.once('close', (c, signal) => {
        clearTimeout(timer)
        resolve(c ?? signal ?? 'unknown')
      })
    })
    expect(code, `bench --smoke failed:\n${stdout}\n${stderr}`).toBe(0)
    for (const figure of [
      'Machine: fresh Chromium, blank page → first paint',
      'open → first rows painted',
      'write → DOM latency p95',
      'renderer JS heap',
      'backend JS heap after GC',
      'lines delivered per second',
      'Logs viewer: page main thread busy',
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
