import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../index'
import { request, stream } from '../../../test/support/http-client'
import { startRestartableSandbox } from '../../../test/support/restartable-sandbox'

// The sorted key index was once reverted because restart tests hung: a watch client reconnecting while the
// sandbox stopped left a socket in its TLS handshake, which server.close() waited on. This walks that restart
// with a client's resourceVersions: a stop with a half-open connection, then a continue token and a watch
// from before the restart, against the restored state.
const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

interface List {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number }
  items: { metadata: { name: string } }[]
}

const CMS = '/api/v1/namespaces/default/configmaps'

it('restarts with a half-open connection; a continue token and a watch resume across it, or get 410', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-sb-restart-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const stateFile = join(dir, 'state.json')
  let sb: RunningSandbox = await startRestartableSandbox({ name: 'restart-rv', stateFile, manualClock: true })
  cleanups.push(() => sb.stop())
  for (const name of ['a', 'b', 'c', 'd', 'e'])
    expect((await request(sb, CMS, { method: 'POST', body: { metadata: { name } } })).status).toBe(201)

  const stale = (await request(sb, `${CMS}?limit=2`)).json<List>()
  const watch = stream(sb, `${CMS}?watch=true&resourceVersion=${stale.metadata.resourceVersion}`)
  await request(sb, CMS, { method: 'POST', body: { metadata: { name: 'f' } } })
  await watch.waitFor(1)
  const before = (await request(sb, `${CMS}?limit=2`)).json<List>()
  expect(before.metadata.remainingItemCount).toBe(5) // c–f and kube-root-ca.crt

  // A client that opened TCP and never finished its TLS handshake must not hold stop() open.
  const halfOpen = net.connect(sb.port, '127.0.0.1')
  await new Promise<void>((resolve) => halfOpen.once('connect', resolve))
  const closed = new Promise<void>((resolve) => halfOpen.once('close', () => resolve()))
  halfOpen.on('error', () => undefined)
  const port = sb.port
  await sb.stop()
  await Promise.all([watch.ended, closed])

  sb = await startSandbox({ name: 'restart-rv', port, stateFile, manualClock: true })
  // Taken at the state that was saved: the rest of the list comes from the restored objects.
  const rest = (await request(sb, `${CMS}?limit=10&continue=${before.metadata.continue ?? ''}`)).json<List>()
  expect(rest.metadata.resourceVersion).toBe(before.metadata.resourceVersion)
  expect(rest.items.map((i) => i.metadata.name)).toEqual(['c', 'd', 'e', 'f', 'kube-root-ca.crt'])
  // From before the last write: the sandbox keeps no history across a restart, so 410 and the client relists.
  const old = await request(sb, `${CMS}?limit=2&continue=${stale.metadata.continue ?? ''}`)
  expect(old.status).toBe(410)
  const oldWatch = stream(sb, `${CMS}?watch=true&resourceVersion=${stale.metadata.resourceVersion}`)
  expect((await oldWatch.waitFor(1))[0]).toContain('"code":410')

  // A watch from the saved resourceVersion misses nothing and replays nothing.
  const resumed = stream(sb, `${CMS}?watch=true&resourceVersion=${before.metadata.resourceVersion}`)
  cleanups.push(async () => resumed.close())
  await request(sb, CMS, { method: 'POST', body: { metadata: { name: 'g' } } })
  await request(sb, `${CMS}/a`, { method: 'DELETE' })
  const events = (await resumed.waitFor(2)).map(
    (l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } },
  )
  expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED g', 'DELETED a'])
})
