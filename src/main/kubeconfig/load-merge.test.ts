import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadFile, parseKubeconfig } from './load-file'
import { mergeFiles } from './merge'
import { makeTempHome, twoContexts } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

describe('loadFile', () => {
  it('reports invalid YAML with the parser line and column', async () => {
    const file = await t.write('bad', 'apiVersion: v1\ncontexts:\n- name: a\n  context: [unclosed\n')
    const loaded = await loadFile(file)
    expect(loaded.status).toBe('broken')
    if (loaded.status !== 'broken') return
    expect(loaded.error.line).toBeGreaterThanOrEqual(4)
    expect(loaded.error.col).toBeGreaterThan(0)
  })

  it('reports the exact position of a bad indentation', () => {
    const loaded = parseKubeconfig('f', 'kind: Config\nusers:\n  - name: a\n user: x\n')
    expect(loaded).toMatchObject({ status: 'broken', error: { line: 4, col: 1 } })
  })

  it('refuses a folder, a non-map document, sections that are not lists, and alias bombs', async () => {
    const folder = path.join(t.dir, 'folder')
    await mkdir(folder)
    expect((await loadFile(folder)).status).toBe('broken')
    expect(parseKubeconfig('f', '- a\n- b\n').status).toBe('broken')
    expect(parseKubeconfig('f', 'contexts: nope\n').status).toBe('broken')
    // "billion laughs": 10 levels of 9 aliases each
    const bomb = ['l0: &l0 [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      )
    const bombed = parseKubeconfig('f', bomb.join('\n') + '\n')
    expect(bombed.status).toBe('broken')
  })

  it('refuses files over 10 MB without reading them as YAML', async () => {
    const file = await t.write('huge', '# ' + 'x'.repeat(11 * 1024 * 1024) + '\n')
    const loaded = await loadFile(file)
    expect(loaded).toMatchObject({ status: 'broken' })
  })

  it('accepts an empty file as an empty kubeconfig', () => {
    expect(parseKubeconfig('f', '')).toMatchObject({
      status: 'ok',
      config: { contexts: [], currentContext: '' },
    })
  })
})

describe('mergeFiles', () => {
  it('follows kubectl precedence: first file to define a name wins, first current-context wins', () => {
    const first = parseKubeconfig('/one', twoContexts('x', null))
    const second = parseKubeconfig(
      '/two',
      twoContexts('x', 'x-b').replace('namespace: team', 'namespace: other') + '',
    )
    const third = parseKubeconfig('/three', twoContexts('y', 'y-a'))
    const broken = parseKubeconfig('/broken', 'a: [\n')
    const merged = mergeFiles([first, broken, second, third])
    expect(merged.currentContext).toBe('x-b')
    expect(merged.currentContextFile).toBe('/two')
    expect(merged.contexts.map((c) => [c.name, c.file, c.isCurrent])).toEqual([
      ['x-a', '/one', false],
      ['x-b', '/one', true],
      ['y-a', '/three', false],
      ['y-b', '/three', false],
    ])
    expect(merged.contexts[1]).toMatchObject({
      cluster: 'x-cluster',
      server: 'https://127.0.0.1:11',
      user: 'x-user',
      namespace: 'team',
    })
    expect(merged.files.map((f) => f.status)).toEqual(['ok', 'broken', 'ok', 'ok'])
  })
})
