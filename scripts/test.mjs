// `npm test`: lint, type-check, unit + integration (Vitest), browser e2e (Playwright), then one plain
// "N passed, N failed, N skipped" line summed from the runners' JSON reports.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureChromium } from './ensure-chromium.mjs'

const reports = '.reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []

function step(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  console.log(
    `  ${name} ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  if (r.status !== 0) failures.push(name)
  return r.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

// Lint and type-check count as one check each in the summary.
for (const [name, cmd, args] of [
  ['eslint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
]) {
  if (step(name, cmd, args)) totals.passed++
  else totals.failed++
}

step('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reports}/vitest.json`,
])
const vitest = readJson(`${reports}/vitest.json`)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
} else totals.failed++

if (ensureChromium()) {
  step('e2e', 'npx', ['playwright', 'test'])
  const pw = readJson(`${reports}/playwright.json`)
  if (pw?.stats) {
    totals.passed += pw.stats.expected + pw.stats.flaky
    totals.failed += pw.stats.unexpected
    totals.skipped += pw.stats.skipped
    for (const s of collectSkips(pw.suites ?? [])) console.log(`  skipped: ${s}`)
  } else totals.failed++
} else {
  failures.push('chromium')
  totals.failed++
}

if (!existsSync(`${reports}/vitest.json`)) console.log('  (no Vitest report was written)')
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failures.length ? 1 : 0)

function collectSkips(suites, out = []) {
  for (const s of suites) {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const why = t.annotations?.find((a) => a.type === 'skip')?.description
          out.push(`${spec.title}${why ? ` (${why})` : ''}`)
        }
      }
    }
    collectSkips(s.suites ?? [], out)
  }
  return out
}
