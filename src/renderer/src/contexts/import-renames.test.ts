import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '@shared/contract'
import { initialNames, renamesFrom, suggestName } from './import-renames'

const preview: ImportPreview = {
  contexts: [
    { name: 'dev', taken: true },
    { name: 'dev-2', taken: false },
  ],
  clusters: [{ name: 'dev-cluster', taken: false }],
  users: [{ name: 'admin', taken: true }],
}

describe('import renames', () => {
  it('suggests the first free numbered name', () => {
    expect(suggestName('dev', new Set(['dev', 'dev-2']))).toBe('dev-3')
  })

  it('offers a free name for each clash, and sends renames only for clashing sections', () => {
    const typed = initialNames(preview)
    expect(typed).toEqual({ contexts: { dev: 'dev-3' }, clusters: {}, users: { admin: 'admin-2' } })
    expect(renamesFrom(preview, typed)).toEqual({
      renames: { contexts: { dev: 'dev-3' }, users: { admin: 'admin-2' } },
      problems: {},
    })
  })

  it('refuses an empty name, a taken name and a name the import itself brings', () => {
    const { problems } = renamesFrom(preview, {
      contexts: { dev: 'dev-2' },
      clusters: {},
      users: { admin: ' ' },
    })
    expect(problems['contexts/dev']).toMatch(/already used by this import/)
    expect(problems['users/admin']).toMatch(/must not be empty/)
    expect(
      renamesFrom(preview, { contexts: { dev: 'dev' }, clusters: {}, users: { admin: 'x' } }).problems,
    ).toEqual({
      'contexts/dev': '“dev” is taken too.',
    })
    const withExisting = renamesFrom(preview, initialNames(preview), { contexts: ['dev-3'] })
    expect(withExisting.problems['contexts/dev']).toBe('“dev-3” is taken too.')
  })
})
