import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request, stream } from '../../../test/support/http-client'

// pods/log over HTTP on a manual clock, so every line and its timing is deterministic.
let sb: RunningSandbox
const LOG = '/api/v1/namespaces/default/pods'

beforeAll(async () => {
  sb = await startSandbox({ name: 'logs', manualClock: true })
  await request(sb, LOG, {
    method: 'POST',
    body: {
      metadata: { name: 'duo' },
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.27' },
          { name: 'app', image: 'shop/api:2' },
        ],
      },
    },
  })
  await request(sb, LOG, {
    method: 'POST',
    body: { metadata: { name: 'stuck' }, spec: { containers: [{ name: 'c', image: 'doesnotexist' }] } },
  })
  await sb.advance(3000)
  await sb.advance(60_000)
})
afterAll(async () => {
  await sb.stop()
})

describe('pods/log', () => {
  it('validates the container like the API server and kubelet', async () => {
    const none = await request(sb, `${LOG}/duo/log`)
    expect(none.status).toBe(400)
    expect(none.json()).toMatchObject({
      message: 'a container name must be specified for pod duo, choose one of: [web app]',
    })
    const wrong = await request(sb, `${LOG}/duo/log?container=nope`)
    expect(wrong.json()).toMatchObject({ code: 400, message: 'container nope is not valid for pod duo' })
    const stuck = await request(sb, `${LOG}/stuck/log`)
    expect(stuck.json()).toMatchObject({
      code: 400,
      message: 'container "c" in pod "stuck" is waiting to start: image can\'t be pulled',
    })
    expect((await request(sb, `${LOG}/missing/log`)).status).toBe(404)
  })

  it('serves plain text honouring tailLines, sinceSeconds, timestamps and limitBytes', async () => {
    const tail = await request(sb, `${LOG}/duo/log?container=app&tailLines=3`)
    expect(tail.headers['content-type']).toBe('text/plain')
    const lines = tail.text.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z (INFO|WARN) /)
    const since = await request(sb, `${LOG}/duo/log?container=web&sinceSeconds=5`)
    expect(since.text.trimEnd().split('\n').length).toBeGreaterThanOrEqual(5)
    expect(since.text.trimEnd().split('\n').length).toBeLessThanOrEqual(6)
    const stamped = await request(sb, `${LOG}/duo/log?container=web&tailLines=1&timestamps=true`)
    expect(stamped.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z 10\.244\./)
    const limited = await request(sb, `${LOG}/duo/log?container=web&limitBytes=10`)
    expect(limited.text).toHaveLength(10)
    expect((await request(sb, `${LOG}/duo/log?container=web`)).text).toBe(
      (await request(sb, `${LOG}/duo/log?container=web`)).text,
    )
  })

  it('follows as simulated time passes and stops when the client leaves', async () => {
    const follow = stream(sb, `${LOG}/duo/log?container=web&follow=true&tailLines=1`)
    await follow.waitFor(1)
    await sb.advance(3000)
    const lines = await follow.waitFor(4)
    expect(lines.slice(0, 4).every((l) => l.startsWith('10.244.'))).toBe(true)
    follow.close()
    await follow.ended
  })
})
