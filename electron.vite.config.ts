import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { aliases } from './aliases'
import { rendererConfig, rendererInput } from './vite.web.config'

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The list decoder's worker thread (src/main/kube/list-decoder.ts looks for it beside index.js).
          'list-decode-worker': resolve(import.meta.dirname, 'src/main/kube/list-decode-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: rendererInput },
    },
  },
})
