import { resolve } from 'node:path'

/**
 * Where the e2e run builds the renderer and serves it from: its own folder, not `out/web`, because `npm test`
 * runs e2e beside the unit suite and `bench/smoke.test.ts` serves `out/web` (a build empties its folder first).
 * SKIFF_E2E_WEB_DIR moves it (and the backend build beside it), so a spec can be run (with `--output` elsewhere)
 * beside a full run in the same checkout without emptying the folders that run serves from. Keep it inside the
 * checkout: the built backend resolves its packages from `node_modules`.
 */
export const e2eWebDir = process.env.SKIFF_E2E_WEB_DIR
  ? resolve(process.env.SKIFF_E2E_WEB_DIR)
  : resolve(import.meta.dirname, '../../out/web-e2e')
