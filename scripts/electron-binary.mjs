// Where the Electron binary would be, and whether it is really there. The npm package installs offline,
// but its binary arrives on first use from the network, which this machine (and many CI boxes) lack.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** @returns {{ path: string | undefined, reason: string | undefined }} */
export function electronBinary(root = process.cwd()) {
  const pkg = join(root, 'node_modules', 'electron')
  if (!existsSync(pkg))
    return { path: undefined, reason: 'the electron package is not installed (run npm ci)' }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(pkg, 'path.txt')
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const path = override ? join(override, rel ?? 'electron') : rel ? join(pkg, 'dist', rel) : undefined
  if (path && existsSync(path)) return { path, reason: undefined }
  return {
    path: undefined,
    reason: 'the Electron binary is not downloaded (it needs internet access on first use)',
  }
}
