import type { HtmlTagDescriptor, Plugin } from 'vite'

/** The slice of a Rollup/Rolldown output chunk this plugin reads. */
interface ChunkInfo {
  type: 'chunk'
  fileName: string
  facadeModuleId?: string | null
  moduleIds?: string[]
  imports: string[]
  viteMetadata?: { importedCss: Set<string> }
}

/**
 * The files the page needs to run `appModule` (a dynamically imported chunk): the chunk, the chunks it
 * imports statically (transitively), and their CSS; none of `skip` (what the document loads already).
 */
export function appChunkFiles(
  bundle: Record<string, { type: string }>,
  appModule: string,
  skip: ReadonlySet<string>,
): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((c): c is ChunkInfo => c.type === 'chunk')
  const app = chunks.find(
    (c) => c.facadeModuleId?.endsWith(appModule) || c.moduleIds?.some((id) => id.endsWith(appModule)),
  )
  if (!app) throw new Error(`app-chunk-tags: no chunk for ${appModule} in the bundle`)
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const scripts: string[] = []
  const styles = new Set<string>()
  const visit = (chunk: ChunkInfo): void => {
    if (skip.has(chunk.fileName) || scripts.includes(chunk.fileName)) return
    scripts.push(chunk.fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (!skip.has(css)) styles.add(css)
    for (const name of chunk.imports) {
      const next = byName.get(name)
      if (next) visit(next)
    }
  }
  visit(app)
  return { scripts, styles: [...styles] }
}

/**
 * The page's entry is kept small (src/renderer/src/main.tsx: it starts the cold start's requests, then
 * imports the app). This makes the document load the app's chunk as a second module script, its chunks and
 * styles at once beside the entry, so they download and compile while the entry runs instead of after it:
 * - `<script type=module>` for the app's chunk: module scripts run in document order, so the entry runs first
 *   (as soon as its own small graph is in) and the app right after, both before the document's `load` (as a
 *   single entry did; a page that is "loaded" has its app). The entry's `import()` of it finds it evaluated.
 * - `<link rel=modulepreload>` for the chunks the app imports;
 * - `<link rel=preload as=style>` for the app's styles: a stylesheet link would hold the entry's evaluation
 *   until it loaded (pending style sheets block scripts). Vite's preload of the entry's `import()` adds the
 *   stylesheets, from the cache, and waits for them before the app renders.
 * No inline script, so the strict CSP stands.
 */
export function appChunkTags(appModule: string): Plugin {
  return {
    name: 'skiff:app-chunk-tags',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx): HtmlTagDescriptor[] {
        if (!ctx.bundle || !ctx.chunk) return []
        const entry = ctx.chunk as unknown as ChunkInfo
        const skip = new Set([entry.fileName, ...entry.imports, ...(entry.viteMetadata?.importedCss ?? [])])
        const [app, ...imports] = appChunkFiles(ctx.bundle, appModule, skip).scripts
        const { styles } = appChunkFiles(ctx.bundle, appModule, skip)
        // What the document names already (e.g. a runtime chunk both graphs import) is not named twice.
        const named = (file: string): boolean => html.includes(`/${file}"`)
        const tag = (name: string, attrs: Record<string, string>, file: string): HtmlTagDescriptor => ({
          tag: name,
          attrs: { ...attrs, crossorigin: true, [name === 'script' ? 'src' : 'href']: `./${file}` },
          injectTo: 'head',
        })
        return [
          ...(app ? [tag('script', { type: 'module' }, app)] : []),
          ...imports.filter((f) => !named(f)).map((f) => tag('link', { rel: 'modulepreload' }, f)),
          ...styles.filter((f) => !named(f)).map((f) => tag('link', { rel: 'stylesheet' }, f)),
        ]
      },
    },
  }
}
