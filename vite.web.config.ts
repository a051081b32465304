import { resolve } from 'node:path'
import { defineConfig, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases'
import { appChunkTags } from './scripts/app-chunk-tags'

/** The renderer's build, shared by electron-vite (desktop) and plain Vite (web mode). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  publicDir: resolve(import.meta.dirname, 'resources'),
  base: './',
  plugins: [react(), appChunkTags('src/boot/render-app.tsx')],
  resolve: { alias: aliases },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'boot',
              test: /src\/renderer\/src\/main\.tsx$/,
              includeDependenciesRecursively: true,
              priority: 2,
            },
            {
              name: 'render-app',
              test: /src\/renderer\/src\/boot\/render-app\.tsx$/,
              includeDependenciesRecursively: true,
              priority: 1,
            },
          ],
        },
      },
    },
  },
}

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
})
