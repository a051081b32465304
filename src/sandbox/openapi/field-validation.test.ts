import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { findDuplicateKeys } from '../api/duplicate-keys'
import { request } from '../../../test/support/http-client'

// fieldValidation=Strict|Warn|Ignore over raw HTTP, for the clients that are not kubectl.
let sb: RunningSandbox

beforeAll(async () => {
  sb = await startSandbox({ name: 'fieldval', manualClock: true })
})
afterAll(async () => {
  await sb.stop()
})

const CMS = '/api/v1/namespaces/default/configmaps'
const body = (name: string): string =>
  `{"metadata":{"name":"${name}"},"data":{"a":"1"},"data":{"a":"2"},"colour":"blue"}`

describe('fieldValidation', () => {
  it('Strict refuses unknown and duplicate fields in one BadRequest', async () => {
    const r = await request(sb, `${CMS}?fieldValidation=Strict`, { method: 'POST', body: body('strict') })
    expect(r.status).toBe(400)
    expect(r.json()).toMatchObject({
      reason: 'BadRequest',
      message:
        'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "colour", duplicate field "data"',
    })
  })

  it('Warn (the default) stores without them and says so in Warning headers', async () => {
    const r = await request(sb, CMS, { method: 'POST', body: body('warn') })
    expect(r.status).toBe(201)
    expect(r.headers.warning).toBe('299 - "unknown field \\"colour\\"", 299 - "duplicate field \\"data\\""')
    expect(r.json()).not.toHaveProperty('colour')
    expect(r.json()).toMatchObject({ data: { a: '2' } })
  })

  it('Ignore stores without them, silently; an unknown directive is a BadRequest', async () => {
    const r = await request(sb, `${CMS}?fieldValidation=Ignore`, { method: 'POST', body: body('ignore') })
    expect(r.status).toBe(201)
    expect(r.headers.warning).toBeUndefined()
    const bad = await request(sb, `${CMS}?fieldValidation=Loose`, { method: 'POST', body: body('bad') })
    expect(bad.status).toBe(400)
  })

  it('a strict merge patch names the patch, as kube-apiserver does', async () => {
    const r = await request(sb, `${CMS}/warn?fieldValidation=Strict`, {
      method: 'PATCH',
      body: { data: { b: '1' }, extra: true },
      contentType: 'application/merge-patch+json',
    })
    expect(r.status).toBe(422)
    expect(r.json()).toMatchObject({
      reason: 'Invalid',
      message:
        ' "" is invalid: patch: Invalid value: "map[data:map[b:1] extra:true]": strict decoding error: unknown field "extra"',
      details: { causes: [{ field: 'patch', reason: 'FieldValueInvalid' }] },
    })
  })
})

describe('duplicate key scanner', () => {
  it('reports nested and array paths, and nothing for clean JSON', () => {
    expect(findDuplicateKeys('{"a":1,"b":{"c":[{"d":1,"d":"x,}"}],"c":2},"a":[1,2]}')).toEqual([
      'b.c[0].d',
      'b.c',
      'a',
    ])
    expect(findDuplicateKeys('{"a":"\\"a\\"","b":[],"c":{}}')).toEqual([])
  })
})
