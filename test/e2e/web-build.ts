import { resolve } from 'node:path'

/**
 * Where the e2e run builds the renderer and serves it from: its own folder, not `out/web`, because `npm test`
 * runs e2e beside the unit suite and `bench/smoke.test.ts` serves `out/web` (a build empties its folder first).
 */
export const e2eWebDir = resolve(import.meta.dirname, '../../out/web-e2e')
