import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { AsyncQueue } from './async-queue'
import { batches, BATCH_LINES, lineWriter } from './log-batches'
import { formatSelector } from './selector'
import { rfc3339Local } from './time'
import { toEvent } from './deployment-logs'

describe('small parts', () => {
  it('splits a byte stream into lines, across chunks and multi-byte characters', async () => {
    const lines: string[] = []
    let ended = false
    const w = lineWriter(
      (l) => lines.push(l),
      () => (ended = true),
    )
    const src = new PassThrough()
    src.pipe(w)
    const bytes = Buffer.from('a\r\nbé\nc', 'utf8')
    src.write(bytes.subarray(0, 5)) // splits "é"
    src.end(bytes.subarray(5))
    await new Promise((r) => w.on('finish', r))
    expect(lines).toEqual(['a', 'bé', 'c'])
    expect(ended).toBe(true)
  })

  it('batches by count, and ends when the queue closes', async () => {
    const q = new AsyncQueue<number>()
    for (let i = 0; i < BATCH_LINES + 5; i++) q.push(i)
    q.close()
    const got: number[][] = []
    for await (const b of batches(q, new AbortController().signal)) got.push(b)
    expect(got.flat()).toHaveLength(BATCH_LINES + 5)
  })

  it('ends a waiting batch loop on abort', async () => {
    const q = new AsyncQueue<number>()
    const ac = new AbortController()
    const it = batches(q, ac.signal)
    const next = it.next()
    ac.abort()
    expect(await next).toEqual({ done: true, value: undefined })
  })

  it('formats selectors and times like Go', () => {
    expect(
      formatSelector({
        matchLabels: { app: 'web', tier: 'fe' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['b', 'a'] }],
      }),
    ).toBe('app=web,tier=fe,env in (a,b)')
    expect(rfc3339Local(new Date(2026, 0, 2, 3, 4, 5))).toMatch(/^2026-01-02T03:04:05(Z|[+-]\d\d:\d\d)$/)
  })

  it('groups deployment log lines by consecutive pod', () => {
    expect(
      toEvent([
        { pod: 'a', line: '1' },
        { pod: 'a', line: '2' },
        { pods: ['a', 'b'] },
        { pod: 'b', line: '3' },
      ]),
    ).toEqual({
      chunks: [
        { pod: 'a', lines: ['1', '2'] },
        { pod: 'b', lines: ['3'] },
      ],
      pods: ['a', 'b'],
    })
  })
})
