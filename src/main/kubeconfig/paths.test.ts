import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveKubeconfigPaths } from './paths'

describe('resolveKubeconfigPaths', () => {
  const exists = (file: string): boolean => !file.includes('missing')

  it('defaults to ~/.kube/config', () => {
    const result = resolveKubeconfigPaths({ env: {}, homedir: '/h', exists })
    expect(result).toEqual({ candidates: ['/h/.kube/config'], existing: ['/h/.kube/config'] })
  })

  it('splits KUBECONFIG on the path delimiter, ignores empty entries, skips missing files', () => {
    const env = { KUBECONFIG: ['/a', '', '/missing', ' ', '/b', '/a'].join(path.delimiter) }
    const result = resolveKubeconfigPaths({ env, homedir: '/h', exists })
    expect(result.candidates).toEqual(['/a', '/missing', '/b'])
    expect(result.existing).toEqual(['/a', '/b'])
  })

  it('treats a KUBECONFIG of only separators as unset', () => {
    const result = resolveKubeconfigPaths({
      env: { KUBECONFIG: ':;:' },
      homedir: '/h',
      exists,
      delimiter: ':',
    })
    expect(result.candidates).toEqual([path.resolve(';')])
    const empty = resolveKubeconfigPaths({ env: { KUBECONFIG: '::' }, homedir: '/h', exists, delimiter: ':' })
    expect(empty.candidates).toEqual(['/h/.kube/config'])
  })

  it('uses the given delimiter (Windows lists use ;)', () => {
    const result = resolveKubeconfigPaths({
      env: { KUBECONFIG: '/x;/y' },
      homedir: '/h',
      exists,
      delimiter: ';',
    })
    expect(result.existing).toEqual(['/x', '/y'])
  })
})
