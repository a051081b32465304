import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isKubeconfigError } from './errors'
import { parseKubeconfig } from './load-file'
import { safeEdit } from './safe-write'
import { kubectl, makeTempHome, twoContexts } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'
import { upsertEntries } from './upsert-entries'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

/**
 * Retries while another writer holds the lock, as a person clicking "try again" would. Until a deadline, not
 * for a number of attempts: on a loaded box a writer (kubectl above all) can be descheduled while it holds the
 * lock for longer than 400 quick attempts last; a lock that is never released still fails.
 */
async function retrying(fn: () => Promise<unknown>, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs
  while (Date.now() < until) {
    try {
      await fn()
      return
    } catch (err) {
      const busy = isKubeconfigError(err, 'Locked') || /\.lock/.test(String(err))
      if (!busy) throw err
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10))
    }
  }
  throw new Error('never got the lock')
}

const entryFor = (name: string): Parameters<typeof upsertEntries>[1] => ({
  cluster: { name, server: 'https://127.0.0.1:1', caData: '' },
  user: { name, token: 't' },
  context: { name, cluster: name, user: name },
})

async function contextNames(file: string): Promise<string[]> {
  const loaded = parseKubeconfig(file, await readFile(file, 'utf8'))
  if (loaded.status !== 'ok') throw new Error(`corrupt kubeconfig: ${loaded.error.message}`)
  return loaded.config.contexts.map((c) => c.name)
}

const skiffWriter = (file: string, prefix: string, count: number) => async (): Promise<void> => {
  for (let i = 0; i < count; i++) {
    await retrying(() => upsertEntries(file, entryFor(`${prefix}-${i}`), { setCurrent: i % 2 === 0 }))
  }
}

describe('concurrent writers', () => {
  it('three Skiff writers lose no entry', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    await Promise.all(['s1', 's2', 's3'].map((prefix) => skiffWriter(file, prefix, 10)()))
    const names = await contextNames(file)
    for (const prefix of ['s1', 's2', 's3']) {
      for (let i = 0; i < 10; i++) expect(names).toContain(`${prefix}-${i}`)
    }
  })

  // kubectl reads the file before it takes the lock and later deletes entries missing from that early read
  // (client-go ModifyConfig), and it rewrites the file in place, so a lock-free reader can see its torn writes.
  // What Skiff guarantees: under the lock it never meets a corrupt file (that would fail with Broken and end the
  // test), its own writes are atomic, and kubectl's entries survive Skiff's writes.
  it('two Skiff writers and kubectl in a loop never leave a corrupt file', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    const kubectlWriter = async (): Promise<void> => {
      for (let i = 0; i < 6; i++) {
        await retrying(() =>
          kubectl(t.dir, [file], ['config', 'set-context', `kc-${i}`, '--cluster=k-cluster']),
        )
      }
    }
    await Promise.all([skiffWriter(file, 's1', 6)(), skiffWriter(file, 's2', 6)(), kubectlWriter()])
    const names = await contextNames(file)
    for (let i = 0; i < 6; i++) expect(names).toContain(`kc-${i}`)
  }, 60_000)

  it('refuses with Changed when the file differs from what the change was planned on', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    const err = await safeEdit(
      file,
      (text) => text + '# x\n',
      { homedir: '' },
      { expected: 'old content' },
    ).catch((e: unknown) => e)
    expect(isKubeconfigError(err, 'Changed')).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(twoContexts('k', 'k-a'))
  })
})
