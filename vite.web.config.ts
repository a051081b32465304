import { resolve } from 'node:path'
import { defineConfig, type Plugin, type Rollup, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases'

const root = resolve(import.meta.dirname, 'src/renderer')

/** The renderer's entries: the page, and the small script it loads first (src/renderer/src/boot/early.ts). */
export const rendererInput = {
  index: resolve(root, 'index.html'),
  early: resolve(root, 'src/boot/early.ts'),
}

/**
 * Puts the `early` entry first in the page, as a module script of its own: the app's module scripts wait for
 * all of their files, this one only for itself, and as the document's first script it runs before them. Vite
 * would fold a script written in index.html into the page's one entry. The entry must stand alone, or it
 * would wait for another file (and the app's bridge with it): the build fails if it imports anything.
 */
function earlyScript(): Plugin {
  return {
    name: 'skiff-early-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find(
          (c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry && c.name === 'early',
        )
        const src = ctx.server ? '/src/boot/early.ts' : early && `./${early.fileName}`
        if (!src) return []
        if (early && (early.imports.length > 0 || early.exports.length > 0))
          throw new Error(
            `src/renderer/src/boot/early.ts must stand alone; it imports ${early.imports.join(', ')}`,
          )
        return [
          { tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' },
        ]
      },
    },
  }
}

/** V8's explicit compile hint (Chromium 136+): compile every function of this file eagerly. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'
/** Above this a file is compiled lazily: see compileHints. */
const EAGER_COMPILE_MAX_BYTES = 100_000

/**
 * Marks the small files a start runs (the entries and what they import statically) for eager compilation.
 * Chromium then compiles their functions on a background thread while the bytes arrive, where by default each
 * is compiled on the page's one thread the first time it runs. Files loaded on demand (editor, terminal,
 * detail panel) stay lazy, and so does the app's entry: most of its 290 KB is React DOM, much of which a start
 * never runs, and compiling all of it made the page wait longer for its modules than lazy compiling cost
 * (1,049 vs 1,160 ms to first rows on a box where fresh memory is slow to come by). docs/performance.md,
 * "Cold start, seventh pass".
 */
function compileHints(): Plugin {
  return {
    name: 'skiff-compile-hints',
    apply: 'build',
    // Last, so the hint is the file's first line: Vite's own steps add lines at the top (`__vite__mapDeps`).
    generateBundle: { order: 'post', handler: markStartChunks },
  }
}

function markStartChunks(_options: unknown, bundle: Rollup.OutputBundle): void {
  const chunks = new Map<string, Rollup.OutputChunk>()
  for (const out of Object.values(bundle)) if (out.type === 'chunk') chunks.set(out.fileName, out)
  const atStart = new Set<Rollup.OutputChunk>()
  const visit = (chunk: Rollup.OutputChunk | undefined): void => {
    if (!chunk || atStart.has(chunk)) return
    atStart.add(chunk)
    for (const file of chunk.imports) visit(chunks.get(file))
  }
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk)
  for (const chunk of atStart) {
    if (Buffer.byteLength(chunk.code) > EAGER_COMPILE_MAX_BYTES) continue
    chunk.code = COMPILE_HINT + chunk.code
    // One line more at the top: every mapping moves down a line.
    if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`
    const map = bundle[`${chunk.fileName}.map`]
    if (map?.type === 'asset' && typeof map.source === 'string') {
      const json = JSON.parse(map.source) as { mappings: string }
      map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` })
    }
  }
}

/** The renderer's build, shared by electron-vite (desktop) and plain Vite (web mode). */
export const rendererConfig: UserConfig = {
  root,
  publicDir: resolve(import.meta.dirname, 'resources'),
  base: './',
  plugins: [react(), earlyScript(), compileHints()],
  resolve: { alias: aliases },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500, rollupOptions: { input: rendererInput } },
}

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
})
