import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { aliases } from './aliases'

/**
 * Web mode's backend, built for Node (`npm run serve`, the bench and the e2e suite run it; Electron's main is
 * built by electron-vite the same way). Running the sources through tsx instead costs ~100 MB of RSS (tsx's
 * loader thread and every module's source map) and ~9 s of CPU per start (docs/performance.md, "Backend memory
 * at 100k pods"). Packages stay in node_modules (an SSR build leaves them external).
 */
export default defineConfig({
  resolve: { alias: aliases },
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(import.meta.dirname, 'out/web-backend'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'src/main/web/index.ts'),
        // The list decoder's worker thread (src/main/kube/list-decoder.ts looks for it beside index.js).
        'list-decode-worker': resolve(import.meta.dirname, 'src/main/kube/list-decode-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
