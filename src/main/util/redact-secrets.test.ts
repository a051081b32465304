import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redact-secrets'

describe('redactSecrets', () => {
  it('hides kubeconfig secrets, bearer tokens and base64 blobs, and keeps the rest readable', () => {
    const cert = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM1ekNDQWMrZ0F3SUJBZ0lCQURBTkJn'
    const text = [
      'bad indentation of a mapping entry (12:5)',
      '  9 | - name: admin',
      ' 10 |   user:',
      ' 11 |     token: sha256~s3cr3t-T0ken',
      ` 12 |     client-key-data: ${cert}`,
      '    password: "hunter2 two"',
      "  id-token: 'eyJhbGciOi.x.y'",
      '{"token":"abc","refresh_token":"def"}',
      'Authorization: Bearer abcdef.123',
      'server: https://127.0.0.1:6443',
    ].join('\n')
    const out = redactSecrets(text)
    for (const secret of ['s3cr3t', cert.slice(0, 20), 'hunter2', 'eyJhbGciOi', '"abc"', 'def', 'abcdef.123'])
      expect(out).not.toContain(secret)
    expect(out).toContain('bad indentation of a mapping entry (12:5)')
    expect(out).toContain(' 11 |     token: ••••')
    expect(out).toContain('server: https://127.0.0.1:6443')
    expect(out).toContain('- name: admin')
  })
})
