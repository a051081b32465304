import { describe, expect, it } from 'vitest'
import { defaultWriteFile } from './default-file'

describe('defaultWriteFile (kubectl GetDefaultFilename)', () => {
  const exists = (set: string[]) => (f: string) => set.includes(f)
  it('follows kubectl', () => {
    expect(defaultWriteFile({}, '/h', exists([]))).toBe('/h/.kube/config')
    expect(defaultWriteFile({ KUBECONFIG: '/a' }, '/h', exists([]))).toBe('/a')
    expect(defaultWriteFile({ KUBECONFIG: '/a:/b:/c' }, '/h', exists(['/b', '/c']))).toBe('/b')
    expect(defaultWriteFile({ KUBECONFIG: '/a:/b:/c' }, '/h', exists([]))).toBe('/c')
  })
})
