import { describe, expect, it } from 'vitest'
import { inputQueue } from './input-queue'

describe('inputQueue', () => {
  it('sends one call at a time, in order, joining what was typed meanwhile and splitting at the limit', async () => {
    const sent: string[] = []
    const gates: (() => void)[] = []
    const q = inputQueue(
      (data) => {
        sent.push(data)
        return new Promise<void>((resolve) => gates.push(resolve))
      },
      () => {},
      4,
    )
    q.push('a')
    q.push('b')
    q.push('cdefg')
    expect(sent).toEqual(['a'])
    gates.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(sent).toEqual(['a', 'bcde'])
    gates.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    gates.shift()!()
    await q.idle()
    expect(sent).toEqual(['a', 'bcde', 'fg'])
  })

  it('reports a refused call and drops what waited behind it', async () => {
    const errors: unknown[] = []
    const sent: string[] = []
    const q = inputQueue(
      (data) => {
        sent.push(data)
        return data === 'bad' ? Promise.reject(new Error('refused')) : Promise.resolve()
      },
      (err) => errors.push(err),
      100,
    )
    q.push('bad')
    q.push('later')
    await q.idle()
    expect(errors).toHaveLength(1)
    expect(sent).toEqual(['bad'])
    q.push('next')
    await q.idle()
    expect(sent).toEqual(['bad', 'next'])
  })
})
