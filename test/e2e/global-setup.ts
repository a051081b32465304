import { execFileSync } from 'node:child_process'

/** The web e2e suite drives the built renderer, so build it once per run (about a second). */
export default function globalSetup(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
}
