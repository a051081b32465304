import { resolve } from 'node:path'

/** Path aliases, one table for Vite, electron-vite and Vitest (tsconfig.base.json's `paths` mirror it). */
export const aliases: Record<string, string> = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@sandbox': resolve(import.meta.dirname, 'src/sandbox/index.ts'),
}
