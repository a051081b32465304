import { defineConfig } from 'vitest/config'
import { aliases } from './aliases'

// Unit and integration tests run in plain Node; renderer tests opt into happy-dom per file
// with a `// @vitest-environment happy-dom` docblock.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Tests wait on conditions with generous deadlines (a loaded 2-core CI box is slow); a test that passes
    // is never slowed by them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
