import { afterAll, describe, expect, it } from 'vitest'
import { decodeListRows, NotJson } from './list-decode'
import { createListDecoder, workerByDefault } from './list-decoder'

const list = (from: number, n: number, rv: string): Buffer =>
  Buffer.from(
    JSON.stringify({
      kind: 'PodList',
      metadata: { resourceVersion: rv, continue: `after-${from + n}` },
      items: Array.from({ length: n }, (_, i) => ({
        metadata: { name: `pod-${from + i}`, namespace: 'ns', uid: `u${from + i}`, labels: { app: 'x' } },
        status: { phase: 'Running' },
      })),
    }),
  )

const worker = createListDecoder({ worker: true, minBytes: 0 })
afterAll(() => worker.close())

describe('the list decoder on its worker thread', () => {
  it('gives the rows an inline decode gives, page after page in the order handed in', async () => {
    await worker.started()
    const bodies = Array.from({ length: 6 }, (_, p) => list(p * 300, 300, String(100 + p)))
    const expected = bodies.map((b) => decodeListRows(Buffer.from(b), 'pods'))
    // All handed in at once: each answer must still be its own page's.
    const pages = await Promise.all(bodies.map((b) => worker.decode(b, 'pods')))
    expect(worker.mode()).toBe('worker')
    expect(pages).toEqual(expected)
  })

  it('takes a Buffer that is a view of a bigger one, and reports a body that is not JSON', async () => {
    const body = list(0, 3, '5')
    const padded = Buffer.concat([Buffer.from('[['), body])
    const page = await worker.decode(padded.subarray(2), 'pods')
    expect(page.rows.map((r) => r.name)).toEqual(['pod-0', 'pod-1', 'pod-2'])
    await expect(worker.decode(Buffer.from('not json'), 'pods')).rejects.toBeInstanceOf(NotJson)
    // The worker is still there after a bad page.
    expect((await worker.decode(list(3, 1, '6'), 'pods')).rows[0]?.name).toBe('pod-3')
  })
})

describe('the list decoder without a worker', () => {
  it('decodes small pages here and does not start a worker for them', async () => {
    const d = createListDecoder({ worker: true })
    expect((await d.decode(list(0, 5, '2'), 'pods')).rows).toHaveLength(5)
    expect(d.mode()).toBe('idle')
    await d.close()
  })

  it('decodes on this thread with the same results', async () => {
    const inline = createListDecoder({ worker: false })
    const body = list(0, 50, '8')
    const expected = decodeListRows(Buffer.from(body), 'pods')
    expect(await inline.decode(body, 'pods')).toEqual(expected)
    expect(inline.mode()).toBe('inline')
    await expect(inline.decode(Buffer.from('{'), 'pods')).rejects.toBeInstanceOf(NotJson)
    await inline.close()
  })

  it('pages handed in while the worker loads are decoded here: none waits for it', async () => {
    const d = createListDecoder({ worker: true, minBytes: 0 })
    const page = await d.decode(list(0, 2, '1'), 'pods')
    expect(page.rows).toHaveLength(2)
    expect(d.mode()).toBe('starting')
    await d.close()
  })
})

it('uses a worker by default only with a core to spare for it, unless SKIFF_LIST_WORKER says', () => {
  expect(workerByDefault({}, 2)).toBe(false)
  expect(workerByDefault({}, 4)).toBe(true)
  expect(workerByDefault({ SKIFF_LIST_WORKER: '1' }, 2)).toBe(true)
  expect(workerByDefault({ SKIFF_LIST_WORKER: '0' }, 8)).toBe(false)
})
