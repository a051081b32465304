import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { request } from '../../../test/support/http-client'

// Issue #21 item 7: the sandbox stored 3 MB and 15 MB objects. kube-apiserver refuses a request body over
// 3 MiB (413, "limit is 3145728") and etcd an object over 1.5 MiB (413, "etcdserver: request is too large").
let sb: RunningSandbox
beforeAll(async () => {
  sb = await startSandbox({ name: 'limits', speed: 50 })
})
afterAll(() => sb.stop())

const configMap = (name: string, bytes: number) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { blob: 'x'.repeat(bytes) },
})
const path = '/api/v1/namespaces/default/configmaps'

describe('sandbox request and object limits', () => {
  it('answers 413 to a body over 3 MiB (read to the end, not reset) and stores nothing', async () => {
    const r = await request(sb, path, { method: 'POST', body: configMap('huge', 15_000_000) })
    expect(r.status).toBe(413)
    expect(r.json()).toMatchObject({
      kind: 'Status',
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: limit is 3145728',
      code: 413,
    })
    expect((await request(sb, `${path}/huge`)).status).toBe(404)
  })

  it('answers 413 to an object over 1.5 MiB, as etcd makes kube-apiserver do, on create and update', async () => {
    const r = await request(sb, path, { method: 'POST', body: configMap('big', 2_000_000) })
    expect(r.status).toBe(413)
    expect(r.json()).toMatchObject({
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: etcdserver: request is too large',
    })
    expect((await request(sb, `${path}/big`)).status).toBe(404)

    expect((await request(sb, path, { method: 'POST', body: configMap('fits', 1_000_000) })).status).toBe(201)
    const grown = await request(sb, `${path}/fits`, { method: 'PUT', body: configMap('fits', 1_600_000) })
    expect(grown.status).toBe(413)
    const kept = await request(sb, `${path}/fits`)
    expect((kept.json() as { data: { blob: string } }).data.blob.length).toBe(1_000_000)
    expect((await request(sb, `${path}/fits`, { method: 'DELETE' })).status).toBe(200)
  })
})
