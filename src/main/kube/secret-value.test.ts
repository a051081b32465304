import { describe, expect, it } from 'vitest'
import { decodeSecretValue } from './secret-value'

const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64')

describe('decodeSecretValue', () => {
  it('decodes UTF-8 text, multi-line and non-ASCII included', () => {
    expect(decodeSecretValue(b64('s3cret'))).toEqual({ value: 's3cret', binary: false, size: 6 })
    expect(decodeSecretValue(b64('line1\nline2\tzürich'))).toEqual({
      value: 'line1\nline2\tzürich',
      binary: false,
      size: 19,
    })
    expect(decodeSecretValue('')).toEqual({ value: '', binary: false, size: 0 })
  })

  it('reports bytes that are not UTF-8 text as binary, keeping them base64', () => {
    const invalid = Buffer.from([0xc3, 0x28, 0xa0])
    expect(decodeSecretValue(b64(invalid))).toEqual({ value: b64(invalid), binary: true, size: 3 })
    const withNul = Buffer.from('ab\u0000cd')
    expect(decodeSecretValue(b64(withNul))).toMatchObject({ binary: true, size: 5 })
  })
})
