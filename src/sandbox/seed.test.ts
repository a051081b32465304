import { afterAll, beforeAll, expect, it } from 'vitest'
import { request, stream } from '../../test/support/http-client'
import { startSandbox, type RunningSandbox } from './index'

// Seeded pods are stored as JSON pieces shared between pods; what is served must be exactly the object's JSON.
let sb: RunningSandbox
beforeAll(async () => {
  sb = await startSandbox({ name: 'seed', nodes: 2, manualClock: true })
  sb.seedPods('running', 5)
  sb.seedPods('pending', 3, { phase: 'Pending', labels: { tier: 'x' } })
})
afterAll(async () => {
  await sb.stop()
})

it('serves seeded pods in a LIST, a watch and a GET as the same JSON.stringify text', async () => {
  for (const ns of ['running', 'pending']) {
    const list = await request(sb, `/api/v1/namespaces/${ns}/pods`)
    const items = list.json<{ items: { metadata: { name: string } }[] }>().items
    expect(items.length).toBeGreaterThan(0)
    // Re-encoding the parsed list gives the same text: every piece joined into valid, canonical JSON.
    expect(JSON.stringify(JSON.parse(list.text))).toBe(list.text)
    for (const item of items) {
      const one = await request(sb, `/api/v1/namespaces/${ns}/pods/${item.metadata.name}`)
      expect(list.text).toContain(one.text)
    }
  }
  const watch = stream(sb, '/api/v1/namespaces/pending/pods?watch=true')
  const [event] = await watch.waitFor(1)
  watch.close()
  const watched = (JSON.parse(event ?? '{}') as { object: { metadata: { name: string } } }).object
  const got = await request(sb, `/api/v1/namespaces/pending/pods/${watched.metadata.name}`)
  expect(event).toBe(`{"type":"ADDED","object":${got.text}}`)
  const running = (await request(sb, '/api/v1/namespaces/running/pods')).json<{
    items: { status: { podIP: string; phase: string } }[]
  }>().items
  expect(running.map((p) => p.status.phase)).toEqual(Array(5).fill('Running'))
  expect(new Set(running.map((p) => p.status.podIP)).size).toBe(5)
})
