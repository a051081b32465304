import { join } from 'node:path'
import { e2eWebDir } from './web-build'

/**
 * Where the e2e run builds web mode's backend (vite.backend.config.ts) and starts it from: beside its renderer
 * build, so whatever moves one moves the other, and never `out/web-backend`, which the bench rebuilds.
 */
export const e2eBackendDir = `${e2eWebDir}-backend`
export const e2eBackendEntry = join(e2eBackendDir, 'index.js')
