import { describe, expect, it } from 'vitest'
import { onChangeStream } from './on-change-stream'

describe('onChangeStream', () => {
  it('yields a snapshot first, then one per burst of changes, and unsubscribes at the end', async () => {
    let fire = (): void => {}
    let subscribed = 0
    let n = 0
    const abort = new AbortController()
    const gen = onChangeStream(
      (cb) => {
        subscribed++
        fire = cb
        return () => subscribed--
      },
      async () => ++n,
      abort.signal,
    )
    expect((await gen.next()).value).toBe(1)
    const next = gen.next()
    fire()
    fire()
    expect((await next).value).toBe(2)
    const pending = gen.next()
    abort.abort()
    expect((await pending).done).toBe(true)
    expect(subscribed).toBe(0)
  })
})
