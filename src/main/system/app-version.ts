import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

/** The version in package.json, found by walking up from this module (works from src/ and out/). */
function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (pkg.name === 'skiff' && pkg.version) return pkg.version
    } catch {
      // not here; look one folder up
    }
    dir = dirname(dir)
  }
  return '0.0.0'
}

export const appVersion = readVersion()
