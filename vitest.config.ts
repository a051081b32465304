import { defineConfig } from 'vitest/config'
import { aliases } from './aliases'

// Unit and integration tests run in plain Node; renderer tests opt into happy-dom per file
// with a `// @vitest-environment happy-dom` docblock.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
})
