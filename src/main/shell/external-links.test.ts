import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from './external-links'

describe('external links', () => {
  it('opens only http(s) pages without credentials', () => {
    expect(isAllowedExternalUrl('https://kind.sigs.k8s.io/docs/user/quick-start/')).toBe(true)
    expect(isAllowedExternalUrl('http://example.com')).toBe(true)
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://u:p@x.io',
      'nonsense',
    ]) {
      expect(isAllowedExternalUrl(bad), bad).toBe(false)
    }
  })
})
