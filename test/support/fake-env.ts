// Test support: a throwaway world for the fake kind/minikube/docker (test/fakes) with its own state,
// kubeconfig and PATH. Used only by tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import YAML from 'yaml'
import { expect } from 'vitest'
import { fakesPath } from '../fakes/path'
import { isAlive } from './process-alive'
export { isAlive } from './process-alive'
import { ClusterError } from '../../src/main/clusters/errors'
import { run } from '../../src/main/clusters/run'
import type { RunFn } from '../../src/main/clusters/run'

export interface FakeEnv {
  root: string
  stateDir: string
  kubeconfig: string
  env: Record<string, string>
  /** A PATH with node and only the named fakes (to model missing tools). */
  pathWith(...tools: string[]): Promise<string>
  /** Every process a fake recorded (tool runs and their helpers). */
  recordedPids(): number[]
  readKubeconfig(): { contexts: string[]; current: string }
  cleanup(): Promise<void>
}

/**
 * The recorded processes still running once all have ended or `timeoutMs` has passed. A kill only takes effect
 * when the kernel next runs the process (on a loaded box, a moment after `kill` returned), and a fake's helper
 * is killed as the fake exits, so "nothing is left running" is waited for; a survivor still fails the test.
 */
export async function survivors(fe: Pick<FakeEnv, 'recordedPids'>, timeoutMs = 10_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // The records are read again each time: a fake's helper is recorded a moment after the fake.
    const alive = fe.recordedPids().filter(isAlive)
    if (alive.length === 0 || Date.now() > deadline) return alive
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export async function createFakeEnv(extra: Record<string, string> = {}): Promise<FakeEnv> {
  const root = await mkdtemp(join(tmpdir(), 'skiff-clusters-'))
  const nodeBin = join(root, 'node-bin')
  await mkdir(nodeBin)
  // The fakes start with `#!/usr/bin/env node`, so every PATH we hand out must find node.
  await symlink(process.execPath, join(nodeBin, 'node'))
  const stateDir = join(root, 'state')
  const kubeconfig = join(root, 'kube', 'config')
  let extraBins = 0
  const fe: FakeEnv = {
    root,
    stateDir,
    kubeconfig,
    env: {
      PATH: [fakesPath(), nodeBin].join(delimiter),
      FAKE_STATE_DIR: stateDir,
      KUBECONFIG: kubeconfig,
      HOME: root,
      FAKE_STEP_DELAY_MS: '5',
      ...extra,
    },
    async pathWith(...tools) {
      const dir = join(root, `bin-${extraBins++}`)
      await mkdir(dir)
      for (const t of tools) await symlink(join(fakesPath(), t), join(dir, t))
      return [dir, nodeBin].join(delimiter)
    },
    recordedPids() {
      const dir = join(stateDir, 'pids')
      if (!existsSync(dir)) return []
      return readdirSync(dir).map((f) => Number.parseInt(f, 10))
    },
    readKubeconfig() {
      if (!existsSync(kubeconfig)) return { contexts: [], current: '' }
      const doc: unknown = YAML.parse(readFileSync(kubeconfig, 'utf8'))
      const record = (doc ?? {}) as { contexts?: { name: string }[]; 'current-context'?: string }
      return {
        contexts: (record.contexts ?? []).map((c) => c.name),
        current: record['current-context'] ?? '',
      }
    },
    async cleanup() {
      for (const pid of fe.recordedPids()) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
      await rm(root, { recursive: true, force: true })
    },
  }
  return fe
}

/** A run function that counts calls, to prove validation happens before any process starts. */
export function countingRun(): { run: RunFn; calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    run: (file, args, options) => {
      calls.push([file, ...args])
      return run(file, args, options)
    },
  }
}

/** A signal that never aborts, for provider calls that are not being cancelled. */
export const never = (): AbortSignal => new AbortController().signal

/** The ClusterError a provider call must reject with (the test fails if it resolves or throws anything else). */
export async function failure(p: Promise<unknown>): Promise<ClusterError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ClusterError)
  return err as ClusterError
}
