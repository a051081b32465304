import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createStampedCache } from './stamped-cache'

const dir = mkdtempSync(join(tmpdir(), 'skiff-stamped-'))
/** Dates a file's times back a minute, as a file nobody touched lately. */
const settle = (file: string): void => {
  const past = new Date(Date.now() - 60_000)
  utimesSync(file, past, past)
}
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the stamped cache (contexts.list)', () => {
  it('reads once while the files are unchanged, shares an overlapping read, and reads again after a change', async () => {
    const file = join(dir, 'config')
    writeFileSync(file, 'one')
    settle(file)
    const cached = createStampedCache<string>()
    let reads = 0
    const read = async (): Promise<string> => `${++reads}`
    const [a, b] = await Promise.all([cached([file], read), cached([file], read)])
    expect([a, b, reads]).toEqual(['1', '1', 1])
    expect(await cached([file], read)).toBe('1')

    writeFileSync(file, 'three') // another size
    settle(file)
    expect(await cached([file], read)).toBe('2')
    // Same size and same times, but a new file moved into place (how Skiff and editors write): a new inode.
    const { atime, mtime } = statSync(file)
    writeFileSync(join(dir, 'next'), 'THREE')
    utimesSync(join(dir, 'next'), atime, mtime)
    renameSync(join(dir, 'next'), file)
    settle(file)
    expect(await cached([file], read)).toBe('3')
    // A file that appears or goes away counts too.
    expect(await cached([file, join(dir, 'absent')], read)).toBe('4')
  })

  it('reads again while a file is freshly written: an in-place rewrite of the same size can keep its stamp', async () => {
    const file = join(dir, 'fresh')
    writeFileSync(file, 'aaa')
    const cached = createStampedCache<string>()
    let reads = 0
    const read = async (): Promise<string> => `${++reads}`
    expect(await cached([file], read)).toBe('1')
    // kubectl writes in place: same inode, same size; within one clock tick the times can be equal too.
    const { atime, mtime } = statSync(file)
    writeFileSync(file, 'bbb')
    utimesSync(file, atime, mtime)
    expect(await cached([file], read)).toBe('2')
    expect(await cached([file], read)).toBe('3')
  })

  it('does not keep a failed read', async () => {
    const file = join(dir, 'broken')
    writeFileSync(file, 'x')
    const cached = createStampedCache<string>()
    await expect(cached([file], () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await cached([file], () => Promise.resolve('ok'))).toBe('ok')
  })
})
