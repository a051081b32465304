import tls from 'node:tls'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { createKubeGet } from './kube-request'
import { kubeConfigFor } from '../../../test/support/kube'

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startSandbox({ name: 'kube-request' })
})
afterAll(() => sb.stop())

it('pages of a list share one kept-alive TLS connection, which close() lets go', async () => {
  const connect = vi.spyOn(tls, 'connect')
  try {
    const get = createKubeGet(kubeConfigFor(sb))
    for (let i = 0; i < 6; i++) {
      const list = (await get('/api/v1/namespaces', { limit: 1 })) as { kind?: string }
      expect(list.kind).toBe('NamespaceList')
    }
    // client-node alone makes a new Agent, and so a new handshake, for every request.
    expect(connect).toHaveBeenCalledTimes(1)
    get.close()
    await get('/api/v1/namespaces')
    expect(connect).toHaveBeenCalledTimes(2)
    get.close()
  } finally {
    connect.mockRestore()
  }
})
