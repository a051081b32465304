import { execFileSync } from 'node:child_process'
import { e2eWebDir } from './web-build'

/** The web e2e suite drives the built renderer, so build it once per run, into its own folder. */
export default function globalSetup(): void {
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn', '--outDir', e2eWebDir],
    { stdio: 'inherit' },
  )
}
