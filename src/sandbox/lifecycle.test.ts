import { describe, expect, it } from 'vitest'
import { startSandbox } from './index'
import { request, stream } from '../../test/support/http-client'

describe('sandbox lifecycle', () => {
  it('rejects bad options', async () => {
    await expect(startSandbox({ name: 'Not_A_Label' })).rejects.toThrow('DNS-1123 label')
    await expect(startSandbox({ name: 'ok', nodes: 4 })).rejects.toThrow('nodes must be 1, 2 or 3')
  })

  it('stop() ends open watches and log streams and frees the port', async () => {
    const sb = await startSandbox({ name: 'life', manualClock: true })
    await request(sb, '/api/v1/namespaces/default/pods', {
      method: 'POST',
      body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    })
    await sb.advance(3000)
    const watch = stream(sb, '/api/v1/namespaces/default/pods?watch=true')
    const logs = stream(sb, '/api/v1/namespaces/default/pods/p/log?follow=true')
    await Promise.all([watch.waitFor(1), logs.waitFor(1)])
    await sb.stop()
    await Promise.all([watch.ended, logs.ended])
    await expect(request(sb, '/version')).rejects.toThrow()
    await expect(sb.advance(1)).resolves.toBeUndefined()
  })

  it('advance() needs a manual clock', async () => {
    const sb = await startSandbox({ name: 'realtime' })
    try {
      await expect(sb.advance(10)).rejects.toThrow('manualClock')
    } finally {
      await sb.stop()
    }
  })
})
