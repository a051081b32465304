import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox } from '../index'
import { request } from '../../../test/support/http-client'

// State survives a stop/start: objects, token, CA, resourceVersion and (when free) the port.
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-sandbox-state-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('persistence', () => {
  it('saves on stop and restores on start', async () => {
    const stateFile = join(dir, 'state.json')
    const first = await startSandbox({ name: 'persist', manualClock: true, stateFile })
    const created = await request(first, '/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: { metadata: { name: 'kept' }, data: { a: '1' } },
    })
    const rv = Number(created.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion)
    await first.stop()
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ version: 1, name: 'persist' })

    const second = await startSandbox({ name: 'persist', manualClock: true, stateFile })
    try {
      expect(second.token).toBe(first.token)
      expect(second.caData).toBe(first.caData)
      expect(second.port).toBe(first.port)
      const kept = await request(second, '/api/v1/namespaces/default/configmaps/kept')
      expect(kept.json()).toMatchObject({ data: { a: '1' } })
      const next = await request(second, '/api/v1/namespaces/default/configmaps', {
        method: 'POST',
        body: { metadata: { name: 'later' } },
      })
      expect(
        Number(next.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion),
      ).toBeGreaterThan(rv)
    } finally {
      await second.stop()
    }
  })

  it('save() writes atomically and leaves no temp files', async () => {
    const sb = await startSandbox({ name: 'atomic', manualClock: true })
    try {
      sb.seedPods('bulk', 200)
      const file = join(dir, 'snap.json')
      await Promise.all([sb.save(file), sb.save(file)])
      expect(await readdir(dir)).toEqual(['snap.json'])
      const doc = JSON.parse(await readFile(file, 'utf8')) as {
        objects: { pods: Array<{ metadata: { namespace: string } }> }
      }
      expect(doc.objects.pods.filter((p) => p.metadata.namespace === 'bulk')).toHaveLength(200)
    } finally {
      await sb.stop()
    }
  })
})
