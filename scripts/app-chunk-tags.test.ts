import { describe, expect, it } from 'vitest'
import { appChunkFiles } from './app-chunk-tags'

const chunk = (fileName: string, imports: string[], css: string[] = [], facade?: string) => ({
  type: 'chunk' as const,
  fileName,
  imports,
  facadeModuleId: facade ?? null,
  viteMetadata: { importedCss: new Set(css) },
})

// An entry (with a shared chunk it imports), the app it imports dynamically, the app's own chunks and a lazy
// view the app imports dynamically (not preloaded: it is not on the first screen).
const bundle = {
  'assets/index.js': chunk('assets/index.js', ['assets/client.js'], ['assets/index.css'], '/r/src/main.tsx'),
  'assets/client.js': chunk('assets/client.js', []),
  'assets/render-app.js': chunk(
    'assets/render-app.js',
    ['assets/client.js', 'assets/table.js', 'assets/esm.js'],
    ['assets/render-app.css'],
    '/r/src/boot/render-app.tsx',
  ),
  'assets/table.js': chunk('assets/table.js', ['assets/esm.js'], ['assets/table.css', 'assets/index.css']),
  'assets/esm.js': chunk('assets/esm.js', []),
  'assets/DetailPanel.js': chunk('assets/DetailPanel.js', ['assets/esm.js'], ['assets/detail.css']),
  'assets/index.css': { type: 'asset' },
}
const entryFiles = new Set(['assets/index.js', 'assets/client.js', 'assets/index.css'])

describe('the app chunk the document preloads', () => {
  it('is the app, what it imports statically (each once) and their styles, minus what the entry loads', () => {
    expect(appChunkFiles(bundle, 'src/boot/render-app.tsx', entryFiles)).toEqual({
      scripts: ['assets/render-app.js', 'assets/table.js', 'assets/esm.js'],
      styles: ['assets/render-app.css', 'assets/table.css'],
    })
  })

  it('fails the build when the app module is not a chunk of its own (someone imported it statically)', () => {
    expect(() => appChunkFiles(bundle, 'src/boot/missing.tsx', entryFiles)).toThrow(/no chunk for/)
  })
})
