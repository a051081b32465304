import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { request } from '../../../test/support/http-client'

// dryRun=All on every kind of write: the answer is what would be stored, and nothing is.
let sb: RunningSandbox

beforeAll(async () => {
  sb = await startSandbox({ name: 'dryrun', manualClock: true })
})
afterAll(async () => {
  await sb.stop()
})

const CMS = '/api/v1/namespaces/default/configmaps'
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments'
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
  },
}

// ConfigMaps whole; the Deployment by what writes could change (its status is the controllers' to move).
async function state(): Promise<string> {
  const cms = (await request(sb, CMS)).json<{ items: unknown[] }>()
  const deploys = (await request(sb, DEPLOYS)).json<{
    items: Array<{ spec: unknown; metadata: { generation: number; labels?: unknown } }>
  }>()
  return JSON.stringify([
    cms.items,
    deploys.items.map((d) => [d.spec, d.metadata.generation, d.metadata.labels]),
  ])
}

describe('dryRun=All', () => {
  it('changes nothing on create, update, every patch type, apply, scale, status and delete', async () => {
    expect(
      (await request(sb, CMS, { method: 'POST', body: { metadata: { name: 'keep' }, data: { a: '1' } } }))
        .status,
    ).toBe(201)
    expect((await request(sb, DEPLOYS, { method: 'POST', body: deployment })).status).toBe(201)
    const before = await state()
    const writes: Array<[string, string, unknown, string?]> = [
      ['POST', CMS, { metadata: { name: 'new' } }],
      ['PUT', `${CMS}/keep`, { metadata: { name: 'keep' }, data: { a: '2' } }],
      ['PATCH', `${CMS}/keep`, { data: { a: '3' } }, 'application/merge-patch+json'],
      ['PATCH', `${CMS}/keep`, { data: { a: '4' } }, 'application/strategic-merge-patch+json'],
      [
        'PATCH',
        `${CMS}/keep`,
        [{ op: 'replace', path: '/data/a', value: '5' }],
        'application/json-patch+json',
      ],
      [
        'PATCH',
        `${CMS}/keep?fieldManager=x&force=true`,
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' }, data: { a: '6' } },
        'application/apply-patch+yaml',
      ],
      [
        'PATCH',
        `${CMS}/fresh?fieldManager=x`,
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fresh' } },
        'application/apply-patch+yaml',
      ],
      ['PATCH', `${DEPLOYS}/web/scale`, { spec: { replicas: 5 } }, 'application/merge-patch+json'],
      [
        'PATCH',
        `${DEPLOYS}/web/status`,
        { metadata: { labels: { x: 'y' } } },
        'application/merge-patch+json',
      ],
      ['DELETE', `${CMS}/keep`, undefined],
      ['DELETE', CMS, undefined],
    ]
    for (const [method, path, body, contentType] of writes) {
      const sep = path.includes('?') ? '&' : '?'
      const r = await request(sb, `${path}${sep}dryRun=All`, {
        method,
        ...(body !== undefined ? { body } : {}),
        ...(contentType ? { contentType } : {}),
      })
      expect(r.status, `${method} ${path}: ${r.text}`).toBeLessThan(300)
    }
    const answer = await request(sb, `${CMS}/keep?dryRun=All`, {
      method: 'PATCH',
      body: { data: { a: '7' } },
      contentType: 'application/merge-patch+json',
    })
    expect(answer.json()).toMatchObject({ data: { a: '7' } })
    expect(await state()).toBe(before)
  })
})
