import { readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'
import { aliases } from './aliases'

const roots = ['src', 'test', 'scripts', 'bench']
const isTest = /\.test\.tsx?$/

// A fresh module graph per file costs about a second of imports and transforms each, so the sandbox's own
// tests (a quarter of the files, each starting sandboxes that import the whole of src/sandbox) share one.
// Only there: src/main keeps module-level state (the kubeconfig parse worker, watchers) that must die with
// its file's process (sharing it, test/hardening/free-text-backend.test.ts stalled after earlier files).
// A shared-dir file that swaps modules, timers, the environment or the DOM is found by reading it and isolated.
const sharedDirs = ['src/sandbox/', 'src/shared/']
const needsIsolation = /\bvi\.(mock|doMock|useFakeTimers|stubEnv|stubGlobal|spyOn)\(|@vitest-environment/
const all = roots.flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => isTest.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => `${root}/${f}`),
)
const shared = all.filter(
  (f) => sharedDirs.some((d) => f.startsWith(d)) && !needsIsolation.test(readFileSync(f, 'utf8')),
)

// Unit and integration tests run in plain Node; renderer tests opt into happy-dom per file
// with a `// @vitest-environment happy-dom` docblock.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    environment: 'node',
    // Tests wait on conditions with generous deadlines (a loaded 2-core CI box is slow); a test that passes
    // is never slowed by them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: shared,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: roots.map((r) => `${r}/**/*.test.{ts,tsx}`),
          exclude: ['**/node_modules/**', ...shared],
          isolate: true,
        },
      },
    ],
  },
})
