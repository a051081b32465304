import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, symlink, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isKubeconfigError } from './errors'
import { withFileLock } from './lock'
import { lockStamp } from './lock-owner'
import { safeEdit } from './safe-write'
import { kubectl, makeTempHome, twoContexts, type TempHome } from '../../../test/support/kubeconfig'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

const child = (mode: 'hold' | 'loop', file: string) =>
  spawn(process.execPath, ['--import', 'tsx', 'test/support/kubeconfig-writer-child.ts', mode, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })

/** Resolves when the child has printed `count` lines. */
function linesFrom(proc: ReturnType<typeof child>, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0
    let err = ''
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()))
    proc.stdout.on('data', (c: Buffer) => {
      seen += c.toString().split('\n').length - 1
      if (seen >= count) resolve()
    })
    proc.once('exit', (code) => reject(new Error(`child exited early (${code}): ${err}`)))
  })
}

async function kill9(proc: ReturnType<typeof child>): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) throw new Error('the child exited before kill -9')
  const exited = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGKILL')
  await exited
}

const addLine = (text: string): string => text + '# skiff was here\n'

describe("kubectl's config.lock", () => {
  it('a lock left by a Skiff killed with -9 while holding it is cleared at once', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    const proc = child('hold', file)
    await linesFrom(proc, 1)
    expect(await readFile(`${file}.lock`, 'utf8')).toMatch(new RegExp(`^skiff pid=${proc.pid} `))
    await kill9(proc)
    expect(existsSync(`${file}.lock`)).toBe(true)
    expect(await safeEdit(file, addLine, { homedir: '' })).toBe(true)
    expect(existsSync(`${file}.lock`)).toBe(false)
    await kubectl(t.dir, [file], ['config', 'use-context', 'k-b'])
  }, 120_000)

  it('kill -9 at random points of repeated writes never leaves the user stuck', async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    let leftLocks = 0
    for (let round = 0; round < 4; round++) {
      const proc = child('loop', file)
      await linesFrom(proc, 3 + round * 7)
      await kill9(proc)
      if (existsSync(`${file}.lock`)) leftLocks++
      // The file is whole, Skiff writes at once, and kubectl works afterwards.
      expect(await safeEdit(file, addLine, { homedir: '' })).toBe(true)
      await kubectl(t.dir, [file], ['config', 'use-context', round % 2 ? 'k-a' : 'k-b'])
    }
    console.log(`[lock] 4 kill -9 rounds: a lock was left in ${leftLocks}; every later write worked`)
  }, 180_000)

  it("never takes kubectl's lock (no stamp) or a live Skiff's lock", async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    await writeFile(`${file}.lock`, '')
    const err = await safeEdit(file, addLine, { homedir: '' }).catch((e: unknown) => e)
    expect(isKubeconfigError(err, 'Locked')).toBe(true)
    await writeFile(`${file}.lock`, await lockStamp(process.pid))
    const err2 = await safeEdit(file, addLine, { homedir: '' }).catch((e: unknown) => e)
    expect(isKubeconfigError(err2, 'Locked')).toBe(true)
    // A dead pid on another machine (a shared home folder) is not ours to judge either.
    await writeFile(`${file}.lock`, 'skiff pid=999999999 start=1 host=another-machine\n')
    const err3 = await safeEdit(file, addLine, { homedir: '' }).catch((e: unknown) => e)
    expect(isKubeconfigError(err3, 'Locked')).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(twoContexts('k', 'k-a'))
  })

  it("honours a lock on a symlink's target and takes both locks while writing", async () => {
    await mkdir(path.join(t.dir, 'dotfiles'))
    const target = await t.write('dotfiles/kubeconfig', twoContexts('k', 'k-a'))
    const link = path.join(t.dir, 'config')
    await symlink(target, link)
    await writeFile(`${target}.lock`, '')
    const err = await safeEdit(link, addLine, { homedir: '' }).catch((e: unknown) => e)
    expect(isKubeconfigError(err, 'Locked')).toBe(true)
    expect(existsSync(`${link}.lock`)).toBe(false) // the first lock was released again

    await unlink(`${target}.lock`)
    const seen = await withFileLock(link, async () => [
      existsSync(`${link}.lock`),
      existsSync(`${target}.lock`),
    ])
    expect(seen).toEqual([true, true])
    expect([existsSync(`${link}.lock`), existsSync(`${target}.lock`)]).toEqual([false, false])
  })
})
