import { resolve } from 'node:path'
import { defineConfig, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases'

/** The renderer's build, shared by electron-vite (desktop) and plain Vite (web mode). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  publicDir: resolve(import.meta.dirname, 'resources'),
  base: './',
  plugins: [react()],
  resolve: { alias: aliases },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
}

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
})
