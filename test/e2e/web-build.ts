import { resolve } from 'node:path'

/**
 * Where the e2e run builds the renderer and serves it from: its own folder, not `out/web`, because `npm test`
 * runs e2e beside the unit suite and `bench/smoke.test.ts` serves `out/web` (a build empties its folder first).
 * SKIFF_E2E_WEB_DIR moves it, so a spec can be run (with `--output` elsewhere) beside a full run in the same
 * checkout without emptying the folder that run serves from.
 */
export const e2eWebDir = process.env.SKIFF_E2E_WEB_DIR
  ? resolve(process.env.SKIFF_E2E_WEB_DIR)
  : resolve(import.meta.dirname, '../../out/web-e2e')
