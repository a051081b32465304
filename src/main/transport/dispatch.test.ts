import { describe, expect, it, vi } from 'vitest'
import { methods, type SystemInfo, type ToolStatus } from '@shared/contract'
import { createForeground } from '../util/foreground'
import { createDispatcher, type MethodHandlers, type StreamHandlers } from './dispatch'

const info: SystemInfo = {
  app: { name: 'Skiff', version: '1' },
  runtime: { node: 'v20', platform: 'linux', arch: 'x64' },
  transport: 'cli',
  tools: [],
}

function setup() {
  // Only system.* is implemented here: every other method must be refused before any handler is looked up.
  const handlers = { 'system.info': vi.fn(async () => info) }
  let finallyRan = 0
  const streamHandlers = {
    'system.tools': async function* (_input: unknown, signal: AbortSignal) {
      try {
        const first: ToolStatus[] = [{ name: 'kubectl', found: true }]
        yield first
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
      } finally {
        finallyRan++
      }
    },
  }
  const dispatcher = createDispatcher(
    handlers as unknown as MethodHandlers,
    streamHandlers as unknown as StreamHandlers,
  )
  return { handlers, dispatcher, finallyRan: () => finallyRan }
}

// Hostile inputs every method must refuse before its service runs.
const hostile: unknown[] = [
  null,
  42,
  'text',
  [],
  [1, 2],
  { extra: 'x'.repeat(2_000_000) },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { a: { b: { c: { d: { e: {} } } } } },
]

describe('dispatcher', () => {
  it('runs a valid call', async () => {
    const { dispatcher, handlers } = setup()
    expect(await dispatcher.call('system.info', {})).toEqual({ ok: true, value: info })
    expect(handlers['system.info']).toHaveBeenCalledTimes(1)
  })

  for (const name of Object.keys(methods)) {
    it(`rejects hostile input for ${name} with a typed error and never calls the service`, async () => {
      const { dispatcher, handlers } = setup()
      for (const input of hostile) {
        const result = await dispatcher.call(name, input)
        expect(result.ok, JSON.stringify(input)?.slice(0, 80)).toBe(false)
        if (!result.ok) {
          expect(result.error.code).toBe('BadInput')
          expect(result.error.message).toMatch(/refused|too large|could not be read/)
          expect(result.error.message).not.toMatch(/\n\s+at /)
        }
      }
      expect(handlers['system.info']).not.toHaveBeenCalled()
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  it('refuses unknown and inherited method names', async () => {
    const { dispatcher } = setup()
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const result = await dispatcher.call(name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UnknownMethod' } })
    }
  })

  it('turns an unexpected service failure into one plain sentence', async () => {
    const log = vi.fn()
    const failing = {
      'system.info': async () => {
        throw new TypeError('boom')
      },
    }
    const dispatcher = createDispatcher(failing as unknown as MethodHandlers, {} as StreamHandlers, log)
    const result = await dispatcher.call('system.info', {})
    expect(result).toEqual({ ok: false, error: { code: 'Internal', message: 'Something went wrong: boom' } })
    expect(log).toHaveBeenCalledOnce()
  })

  it('streams events and runs the generator finally on unsubscribe', async () => {
    const { dispatcher, finallyRan } = setup()
    const events: unknown[] = []
    const onEnd = vi.fn()
    const stop = dispatcher.subscribe('system.tools', {}, (e) => events.push(e), onEnd)
    await vi.waitFor(() => expect(events).toHaveLength(1))
    expect(dispatcher.activeSubscriptions()).toBe(1)
    stop()
    await vi.waitFor(() => expect(finallyRan()).toBe(1))
    expect(dispatcher.activeSubscriptions()).toBe(0)
    expect(onEnd).toHaveBeenCalledWith(undefined)
  })

  it('rejects bad stream input and unknown streams without starting anything', () => {
    const { dispatcher } = setup()
    const ends: unknown[] = []
    dispatcher.subscribe(
      'system.tools',
      { intervalMs: -5 },
      () => {},
      (e) => ends.push(e),
    )
    dispatcher.subscribe(
      'system.tools',
      { intervalMs: 5000, evil: true },
      () => {},
      (e) => ends.push(e),
    )
    dispatcher.subscribe(
      'nope',
      {},
      () => {},
      (e) => ends.push(e),
    )
    expect(ends).toMatchObject([{ code: 'BadInput' }, { code: 'BadInput' }, { code: 'UnknownMethod' }])
    expect(dispatcher.activeSubscriptions()).toBe(0)
  })

  it('marks each call until it answers, and each subscription until its first event, as foreground work', async () => {
    const foreground = createForeground(60_000)
    let answer!: (value: typeof info) => void
    let sendFirst!: () => void
    const handlers = { 'system.info': () => new Promise<typeof info>((resolve) => (answer = resolve)) }
    const streamHandlers = {
      'system.tools': async function* () {
        await new Promise<void>((resolve) => (sendFirst = resolve))
        yield [] as ToolStatus[]
        await new Promise<void>(() => {})
      },
    }
    const dispatcher = createDispatcher(
      handlers as unknown as MethodHandlers,
      streamHandlers as unknown as StreamHandlers,
      () => {},
      foreground,
    )
    const refused = await dispatcher.call('system.info', { evil: true })
    expect([refused.ok, foreground.busy()]).toEqual([false, false]) // refused input does no work
    const call = dispatcher.call('system.info', {})
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'))
    expect(foreground.busy()).toBe(true)
    answer(info)
    await call
    expect(foreground.busy()).toBe(false)

    const events: unknown[] = []
    const stop = dispatcher.subscribe(
      'system.tools',
      {},
      (e) => events.push(e),
      () => {},
    )
    await vi.waitFor(() => expect(sendFirst).toBeTypeOf('function'))
    expect(foreground.busy()).toBe(true)
    sendFirst()
    await vi.waitFor(() => expect(events).toHaveLength(1))
    expect(foreground.busy()).toBe(false) // the stream lives on; its set-up is done
    stop()
    // A subscription ended before its first event is done too.
    const early = dispatcher.subscribe(
      'system.tools',
      {},
      () => {},
      () => {},
    )
    expect(foreground.busy()).toBe(true)
    early()
    expect(foreground.busy()).toBe(false)
  })
})
