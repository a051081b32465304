import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isKubeconfigError } from '../../src/main/kubeconfig/errors'
import { safeEdit } from '../../src/main/kubeconfig/safe-write'
import { makeTempHome, twoContexts, type TempHome } from '../support/kubeconfig'

// kubeconfig tests cover kubectl (which takes the lock) writing alongside Skiff. Missing was a program that
// ignores the lock, e.g. an editor saving, writing while Skiff is between its read and its rename.
let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

const editorSave = twoContexts('k', 'k-a') + '# saved by an editor while Skiff was writing\n'

describe('kubeconfig changed under Skiff during its own write', () => {
  it("keeps the other program's change, reports Changed, leaves no temp file; a retry then applies", async () => {
    const file = await t.write('config', twoContexts('k', 'k-a'))
    const err = await safeEdit(file, (text) => text.replace('k-a', 'k-b'), {
      homedir: t.dir,
      atomicOps: {
        write: async (handle, content) => {
          await handle.writeFile(content, 'utf8')
          await writeFile(file, editorSave) // the foreign write lands inside Skiff's window
        },
        rename,
      },
    }).catch((e: unknown) => e)
    expect(isKubeconfigError(err, 'Changed')).toBe(true)
    expect(String((err as Error).message)).toMatch(/changed by another program.*try again/)
    expect(await readFile(file, 'utf8')).toBe(editorSave)
    expect((await readdir(dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([])
    console.log(`[kubeconfig race] foreign write mid-write → ${(err as Error).message}`)

    expect(await safeEdit(file, (text) => text.replace('k-a', 'k-b'), { homedir: t.dir })).toBe(true)
    const final = await readFile(file, 'utf8')
    expect(final).toContain('# saved by an editor')
    expect(final).toContain('k-b')
  })
})
