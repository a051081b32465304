import { describe, expect, it } from 'vitest'
import { maskSecretsAlike } from './redact-secrets'

describe('maskSecretsAlike', () => {
  it('hides tokens, passwords and key data in block YAML, numbering equal values alike', () => {
    const before = 'users:\n- name: a\n  user:\n    token: s3cr3t\n    client-key-data: QUJD\n'
    const after = 'users:\n- name: a\n  user:\n    token: n3w\n    client-key-data: QUJD\n'
    const [b, a] = maskSecretsAlike([before, after])
    expect(b).toBe(
      'users:\n- name: a\n  user:\n    token: (hidden value 1)\n    client-key-data: (hidden value 2)\n',
    )
    expect(a).toBe(
      'users:\n- name: a\n  user:\n    token: (hidden value 3)\n    client-key-data: (hidden value 2)\n',
    )
  })

  it('hides values in flow style and JSON kubeconfigs', () => {
    const [out] = maskSecretsAlike(['{"users":[{"name":"a","user":{"token":"abc","password":"pw"}}]}'])
    expect(out).toBe(
      '{"users":[{"name":"a","user":{"token":"(hidden value 1)","password":"(hidden value 2)"}}]}',
    )
    expect(out).not.toMatch(/abc|pw"/)
  })

  it('keeps everything else byte for byte', () => {
    const text = '# tokens are rotated weekly\ncurrent-context: dev\ncontexts:\n- name: token-test\n'
    expect(maskSecretsAlike([text])).toEqual([text])
  })
})
