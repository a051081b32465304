// `npm test`: lint, type-check, unit + integration (Vitest), browser e2e (Playwright), then one plain
// "N passed, N failed, N skipped" line summed from the runners' JSON reports. Vitest uses one worker on a
// 2-core box, so the static checks run beside it on the other core (their output printed as each ends), and
// e2e takes that core once they are done: it spends most of its time waiting on the browser and the app
// (under one core on average), so it no longer waits for the unit suite's last minutes. Its output is held
// back while Vitest prints, then follows live.
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureChromium } from './ensure-chromium.mjs'

const reports = '.reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []

const env = { ...process.env, FORCE_COLOR: '0' }
const seconds = (started) => ((Date.now() - started) / 1000).toFixed(1)

/** Like step, but in the background with its output held back and printed in one piece when it ends. */
function quietStep(name, cmd, args) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    const out = []
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('error', (err) => out.push(Buffer.from(`${err.message}\n`)))
    child.on('close', (code) => {
      const ok = code === 0
      const text = Buffer.concat(out).toString().trimEnd()
      console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}${text ? `\n${text}` : ''}`)
      console.log(`  ${name} ${ok ? 'ok' : 'FAILED'} in ${seconds(started)} s`)
      if (!ok) failures.push(name)
      resolve(ok)
    })
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

// Lint and type-check count as one check each in the summary; they run one after another beside Vitest.
const staticChecks = (async () => {
  for (const [name, cmd, args] of [
    ['eslint', 'npx', ['eslint', '.', '--max-warnings', '0']],
    ['prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
    ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
    ['typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
    ['typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ]) {
    if (await quietStep(name, cmd, args)) totals.passed++
    else totals.failed++
  }
})()

/** Output held back until release(), then written as it comes. */
function heldOutput() {
  let held = []
  return {
    write(chunk) {
      if (held) held.push(chunk)
      else process.stdout.write(chunk)
    },
    release() {
      const chunks = held ?? []
      held = undefined
      for (const c of chunks) process.stdout.write(c)
    },
  }
}

const e2eOut = heldOutput()
const e2eDone = (async () => {
  await staticChecks
  if (!ensureChromium()) return { ok: false, chromium: false }
  const started = Date.now()
  e2eOut.write(`\n▶ e2e: npx playwright test (started beside the unit suite's tail)\n`)
  const ok = await new Promise((resolve) => {
    const child = spawn('npx', ['playwright', 'test'], { stdio: ['ignore', 'pipe', 'pipe'], env })
    child.stdout.on('data', (d) => e2eOut.write(d))
    child.stderr.on('data', (d) => e2eOut.write(d))
    child.on('error', (err) => e2eOut.write(`${err.message}\n`))
    child.on('close', (code) => resolve(code === 0))
  })
  e2eOut.write(`  e2e ${ok ? 'ok' : 'FAILED'} in ${seconds(started)} s\n`)
  return { ok, chromium: true }
})()

const unitStarted = Date.now()
const unitOk = await new Promise((resolve) => {
  console.log(`\n▶ unit: npx vitest run (static checks, then e2e, run beside it)`)
  spawn(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
    { stdio: 'inherit', env },
  ).on('close', (code) => resolve(code === 0))
})
console.log(`  unit ${unitOk ? 'ok' : 'FAILED'} in ${seconds(unitStarted)} s`)
if (!unitOk) failures.push('unit')
await staticChecks
const vitest = readJson(`${reports}/vitest.json`)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
} else totals.failed++

e2eOut.release()
const e2e = await e2eDone
if (!e2e.chromium) {
  failures.push('chromium')
  totals.failed++
} else {
  if (!e2e.ok) failures.push('e2e')
  const pw = readJson(`${reports}/playwright.json`)
  if (pw?.stats) {
    totals.passed += pw.stats.expected + pw.stats.flaky
    totals.failed += pw.stats.unexpected
    totals.skipped += pw.stats.skipped
    for (const s of collectSkips(pw.suites ?? [])) console.log(`  skipped: ${s}`)
  } else totals.failed++
}
console.log(`  all steps done in ${seconds(unitStarted)} s`)

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
