import { resolve } from 'node:path'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases'

const root = resolve(import.meta.dirname, 'src/renderer')

/** The renderer's entries: the page, and the small script it loads first (src/renderer/src/boot/early.ts). */
export const rendererInput = {
  index: resolve(root, 'index.html'),
  early: resolve(root, 'src/boot/early.ts'),
}

/**
 * Puts the `early` entry in the page as an async module script of its own. Vite would fold a script written
 * in index.html into the page's one entry, which runs only once all of the app's script has arrived; on its
 * own, the small script runs as soon as it (and the bridge it shares with the app) is here. It comes first and
 * asks for high priority: an async script is otherwise fetched last, behind the six connections the app's
 * files take.
 */
function earlyScript(): Plugin {
  return {
    name: 'skiff-early-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const built = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'early',
        )
        const src = ctx.server ? '/src/boot/early.ts' : built && `./${built.fileName}`
        if (!src) return []
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, fetchpriority: 'high', src },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
  }
}

/** The renderer's build, shared by electron-vite (desktop) and plain Vite (web mode). */
export const rendererConfig: UserConfig = {
  root,
  publicDir: resolve(import.meta.dirname, 'resources'),
  base: './',
  plugins: [react(), earlyScript()],
  resolve: { alias: aliases },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500, rollupOptions: { input: rendererInput } },
}

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
})
