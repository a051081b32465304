import { execFileSync } from 'node:child_process'
import { viteEnv } from '../../scripts/serve.mjs'
import { e2eBackendDir } from './backend-build'
import { e2eWebDir } from './web-build'

/**
 * The web e2e suite drives the built renderer and the built backend, as `npm run serve` does, so build both once
 * per run, into their own folders.
 */
export default function globalSetup(): void {
  for (const [config, outDir] of [
    ['vite.web.config.ts', e2eWebDir],
    ['vite.backend.config.ts', e2eBackendDir],
  ] as const)
    execFileSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn', '--outDir', outDir], {
      stdio: 'inherit',
      env: viteEnv,
    })
}
