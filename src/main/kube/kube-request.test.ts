import tls from 'node:tls'
import { describe, expect, it } from 'vitest'
import { secureContextFor } from './kube-request'

describe('TLS contexts by identity', () => {
  it('are built once per CA/certificate/key and shared, whatever object carries them', () => {
    const [one, two] = tls.rootCertificates
    const a = secureContextFor({ ca: one })
    expect(secureContextFor({ ca: one })).toBe(a)
    expect(secureContextFor({ ca: two })).not.toBe(a)
    expect(secureContextFor({ ca: [one!, two!] })).not.toBe(a)
  })
})
