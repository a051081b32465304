import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ExecPlugin } from './exec-plugins'

/**
 * The exec-plugin commands the person allowed, remembered per exact command + arguments in
 * `<data dir>/exec-approvals.json` (0600). A kubeconfig that later changes either asks again.
 */
export interface ExecApprovals {
  isApproved(plugin: Pick<ExecPlugin, 'command' | 'args'>): Promise<boolean>
  approve(plugin: Pick<ExecPlugin, 'command' | 'args'>): Promise<void>
}

interface Stored {
  approved: { command: string; args: string[]; at: string }[]
}

const keyOf = (p: Pick<ExecPlugin, 'command' | 'args'>): string => JSON.stringify([p.command, ...p.args])

export function createExecApprovals(file: string): ExecApprovals {
  let cache: Stored | undefined
  let writing: Promise<void> = Promise.resolve()

  const load = async (): Promise<Stored> => {
    if (cache) return cache
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Stored>
      cache = { approved: Array.isArray(parsed.approved) ? parsed.approved : [] }
    } catch {
      cache = { approved: [] }
    }
    return cache
  }

  return {
    async isApproved(plugin) {
      const key = keyOf(plugin)
      return (await load()).approved.some((a) => keyOf(a) === key)
    },
    async approve(plugin) {
      const stored = await load()
      if (stored.approved.some((a) => keyOf(a) === keyOf(plugin))) return
      stored.approved.push({ command: plugin.command, args: [...plugin.args], at: new Date().toISOString() })
      // Serialised and atomic: temp file + rename, so a crash never leaves half a file.
      writing = writing.then(async () => {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
        const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
        await writeFile(temp, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 })
        await rename(temp, file)
      })
      await writing
    },
  }
}
