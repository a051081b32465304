import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { delimiter, join } from 'node:path'

/** Finds an executable on a PATH string, like `command -v`; undefined when absent. */
export type WhichFn = (name: string) => Promise<string | undefined>

export function createWhich(pathValue: string | undefined = process.env.PATH): WhichFn {
  const dirs = (pathValue ?? '').split(delimiter).filter(Boolean)
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']
  return async (name) => {
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = join(dir, name + ext)
        try {
          await access(candidate, constants.X_OK)
          if ((await stat(candidate)).isFile()) return candidate
        } catch {
          // Not here; keep looking.
        }
      }
    }
    return undefined
  }
}
