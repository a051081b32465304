import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { clusterNameProblem } from '@shared/cluster-names'
import { methods } from '@shared/contract'
import { KindProvider } from '../../src/main/clusters/kind-provider'
import { MinikubeProvider } from '../../src/main/clusters/minikube-provider'
import { SandboxProvider } from '../../src/main/clusters/sandbox-provider'
import type { RunFn } from '../../src/main/clusters/run'
import type { StartSandbox } from '../../src/main/clusters/sandbox-types'
import type { ClusterProvider } from '../../src/main/clusters/types'
import { hostileStrings } from './hostile'

// A fixed seed keeps runs repeatable; FUZZ_SEED=<n> explores other inputs.
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)
fc.configureGlobal({ seed: SEED })
// Every provider, every action: a hostile name is refused before any process (or sandbox) starts.
const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

interface Recorded {
  provider: ClusterProvider
  calls: string[][]
}

function recordingRun(calls: string[][]): RunFn {
  return async (file, args) => {
    calls.push([file, ...args])
    return {
      argv: [file, ...args],
      exitCode: 1,
      stdout: '',
      stderr: 'recorder',
      timedOut: false,
      cancelled: false,
    }
  }
}

async function providers(): Promise<Recorded[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'skiff-names-'))
  dirs.push(dataDir)
  const kindCalls: string[][] = []
  const mkCalls: string[][] = []
  const sbCalls: string[][] = []
  const start: StartSandbox = async (o) => {
    sbCalls.push(['startSandbox', o.name])
    throw new Error('recorder')
  }
  const kubeconfig = {
    upsert: async (e: { context: { name: string } }) => void sbCalls.push(['upsert', e.context.name]),
    remove: async (names: string[]) => void sbCalls.push(['remove', ...names]),
  }
  const env = { PATH: '/nonexistent' }
  return [
    {
      provider: new KindProvider({ env, run: recordingRun(kindCalls), which: async () => '/bin/kind' }),
      calls: kindCalls,
    },
    {
      provider: new MinikubeProvider({ env, run: recordingRun(mkCalls), which: async () => '/bin/minikube' }),
      calls: mkCalls,
    },
    { provider: new SandboxProvider({ start, dataDir, kubeconfig }), calls: sbCalls },
  ]
}

const metachars = [
  ';',
  '$(',
  '`',
  '|',
  '&',
  '/',
  ' ',
  '\n',
  '>',
  '<',
  '*',
  '\\',
  "'",
  '"',
  '\u0000',
  '{',
  '}',
]
const hostileName = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => /[^A-Za-z0-9.-]/.test(s))),
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...metachars), fc.string({ maxLength: 12 }))
    .map(([a, m, b]) => `${a}${m}${b}`),
)
const actions = ['delete', 'start', 'stop', 'pause', 'unpause'] as const

describe('cluster names are validated before any command runs', () => {
  it('for every provider and action: refused by the contract, and by the provider if called directly', async () => {
    const all = await providers()
    let tried = 0
    await fc.assert(
      fc.asyncProperty(hostileName, async (name) => {
        for (const { provider } of all) {
          expect(
            clusterNameProblem(provider.id, name),
            `${provider.id}: ${JSON.stringify(name)}`,
          ).toBeDefined()
          await expect(provider.create({ name }, () => {}, new AbortController().signal)).rejects.toThrow()
          const create = { provider: provider.id, spec: { name } }
          expect(methods['clusters.create'].input.safeParse(create).success).toBe(false)
          tried += 2
          for (const action of actions) {
            const method = provider[action]
            if (!method) continue
            await expect(
              method.call(provider, name, () => {}, new AbortController().signal),
              `${provider.id} ${action}`,
            ).rejects.toThrow()
            const call = { provider: provider.id, name, action }
            expect(methods['clusters.action'].input.safeParse(call).success).toBe(false)
            tried += 2
          }
        }
      }),
      { numRuns: 150 },
    )
    for (const r of all) expect(r.calls, r.provider.id).toEqual([])
    console.log(
      `[cluster names] seed ${SEED}: ${tried} hostile name × provider × action attempts; commands run: 0`,
    )
  })

  it('sandbox delete of "..", "." or "a/../.." cannot reach the data folder (rm -rf)', async () => {
    const [, , sandbox] = await providers()
    const dataDir = dirs.at(-1)!
    await writeFile(join(dataDir, 'precious.txt'), 'kubeconfig backups live here')
    for (const name of ['..', '.', '../..', 'a/../..', '']) {
      await expect(sandbox!.provider.delete(name, () => {}, new AbortController().signal)).rejects.toThrow(
        /not valid|needs a name/,
      )
    }
    expect(await readFile(join(dataDir, 'precious.txt'), 'utf8')).toContain('backups')
    expect(sandbox!.calls).toEqual([])
  })

  it('the recorders do see a valid name (so the check above can fail)', async () => {
    const all = await providers()
    for (const r of all) {
      await r.provider
        .create({ name: 'okay-name' }, () => {}, new AbortController().signal)
        .catch(() => undefined)
      expect(r.calls.length, r.provider.id).toBeGreaterThan(0)
    }
  })
})
