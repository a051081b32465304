import { describe, expect, it } from 'vitest'
import { decodeListRows, NotJson } from './list-decode'
import { projectors } from './rows'

const pod = (name: string, phase: string): object => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name,
    namespace: 'demo',
    uid: `uid-${name}`,
    resourceVersion: '7',
    creationTimestamp: '2026-11-30T10:00:00Z',
    labels: { app: 'web', é: 'ü' },
    managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:metadata': {} } }],
  },
  spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] },
  status: {
    phase,
    podIP: '10.0.0.1',
    containerStatuses: [{ name: 'c', ready: true, restartCount: 2, state: { running: {} } }],
  },
})

const bytes = (v: unknown): Buffer => Buffer.from(JSON.stringify(v), 'utf8')

describe('decodeListRows', () => {
  it('projects every item as projectors[kind] does, and keeps the list metadata', () => {
    const items = [pod('a', 'Running'), pod('b', 'Pending')]
    const page = decodeListRows(
      bytes({ kind: 'PodList', metadata: { resourceVersion: '42', continue: 'tok' }, items }),
      'pods',
    )
    expect(page).toEqual({
      rows: items.map((o) => projectors.pods(o)),
      resourceVersion: '42',
      continue: 'tok',
    })
  })

  it('a last page has no continue token; a list without items has no rows', () => {
    const page = decodeListRows(
      bytes({ kind: 'PodList', metadata: { resourceVersion: '3', continue: '' } }),
      'pods',
    )
    expect(page).toEqual({ rows: [], resourceVersion: '3' })
  })

  it('decodes a view of a bigger buffer (a pooled Buffer) by its own bytes only', () => {
    const body = bytes({ metadata: { resourceVersion: '9' }, items: [pod('ü', 'Running')] })
    const padded = Buffer.concat([Buffer.from('xx'), body, Buffer.from('yy')])
    const page = decodeListRows(padded.subarray(2, 2 + body.length), 'pods')
    expect(page.rows.map((r) => r.name)).toEqual(['ü'])
  })

  it('a body that is not JSON, or not an object, is NotJson', () => {
    expect(() => decodeListRows(Buffer.from('<html>proxy error</html>'), 'pods')).toThrow(NotJson)
    expect(() => decodeListRows(Buffer.from('null'), 'pods')).toThrow(NotJson)
    expect(() => decodeListRows(Buffer.from('{"items":[{"metadata":'), 'pods')).toThrow(NotJson)
  })
})
