import { describe, expect, it } from 'vitest'
import type { ExecEvent } from '@shared/contract'
import { AsyncQueue } from '../workloads/async-queue'
import { createExecSessions } from './exec-sessions'
import { ticketMessages } from './handoff-tickets'
import { createSessionHub } from './session-hub'

// The hub with a scripted producer in place of the exec stream: what each window sees as a session moves.

const target = { namespace: 'default', pod: 'web-1', container: 'nginx', mode: 'exec' as const }

function setup() {
  const sessions = createExecSessions()
  const hub = createSessionHub(sessions)
  const typed: string[] = []
  const out = new AsyncQueue<ExecEvent>()
  let ended = false
  async function* produce(signal: AbortSignal): AsyncGenerator<ExecEvent> {
    const s = sessions.add({ write: (d) => typed.push(d), resize: () => {} })
    signal.addEventListener('abort', () => out.close())
    try {
      yield { type: 'started', session: s.id, command: ['bash'] }
      for (;;) {
        await out.wait()
        if (signal.aborted) return
        const items = out.take()
        if (items.length === 0 && out.closed) return
        yield* items
      }
    } finally {
      ended = true
      s.remove()
    }
  }
  return { sessions, hub, typed, out, produce, isEnded: () => ended }
}

/** A window's stream: everything it got so far, and a way to wait for more. */
function watch(stream: AsyncGenerator<ExecEvent>, abort: AbortController) {
  const events: ExecEvent[] = []
  let error: unknown
  const done = (async () => {
    try {
      for await (const e of stream) events.push(e)
    } catch (err) {
      error = err
    }
  })()
  const until = async (ok: () => boolean): Promise<void> => {
    while (!ok()) await new Promise((r) => setImmediate(r))
  }
  return {
    events,
    done,
    error: () => error,
    text: () => events.map((e) => (e.type === 'output' ? e.data : '')).join(''),
    id: () => {
      const s = events.findLast((e) => e.type === 'started')
      return s?.type === 'started' ? s.session : ''
    },
    until,
    close: async () => {
      abort.abort()
      await stream.return(undefined)
      await done
    },
  }
}

function openMain(t: ReturnType<typeof setup>) {
  const abort = new AbortController()
  return watch(t.hub.open(target, t.produce, abort.signal), abort)
}

function claim(t: ReturnType<typeof setup>, ticket: string) {
  const abort = new AbortController()
  return watch(t.hub.claim(ticket, abort.signal), abort)
}

describe('moving a terminal session between windows', () => {
  it('pops out with its scrollback; only the new window may type; the old one can bring it back', async () => {
    const t = setup()
    const main = openMain(t)
    await main.until(() => main.id() !== '')
    t.out.push({ type: 'output', data: 'before the move\r\n' })
    await main.until(() => main.text().includes('before'))
    const first = main.id()

    const { ticket } = t.hub.popout(first)
    const popped = claim(t, ticket)
    await popped.until(() => popped.text().includes('before the move'))
    expect(popped.events[0]).toMatchObject({ type: 'started', resumed: true, command: ['bash'], target })
    await main.until(() => main.events.at(-1)?.type === 'moved')

    // The old id no longer types; the new one does, and live output goes to the new window only.
    expect(() => t.sessions.input(first, 'x')).toThrow(/ended/)
    t.sessions.input(popped.id(), 'hostname\r')
    expect(t.typed).toEqual(['hostname\r'])
    t.out.push({ type: 'output', data: 'web-1\r\n' })
    await popped.until(() => popped.text().includes('web-1'))
    expect(main.text()).not.toContain('web-1')

    // Bring it back: the old window gets a fresh id and the whole recent output; the popped one is parked.
    t.hub.recall(first)
    await main.until(() => main.events.at(-1)?.type === 'output' && main.text().includes('web-1'))
    const back = main.events.findLast((e) => e.type === 'started')
    expect(back).toMatchObject({ resumed: true })
    expect(main.id()).not.toBe(first)
    await popped.until(() => popped.events.at(-1)?.type === 'moved')
    expect(t.hub.count()).toEqual({ live: 1, parked: 1 })

    // The parked window closing changes nothing; the owner closing ends the session.
    await popped.close()
    expect(t.hub.count()).toEqual({ live: 1, parked: 0 })
    await main.close()
    await main.until(t.isEnded)
    expect(t.sessions.count()).toBe(0)
    expect(t.hub.count()).toEqual({ live: 0, parked: 0 })
  })

  it('ends the session when the popped window closes, and tells the window it came from', async () => {
    const t = setup()
    const main = openMain(t)
    await main.until(() => main.id() !== '')
    const popped = claim(t, t.hub.popout(main.id()).ticket)
    await popped.until(() => popped.id() !== '')
    await popped.close()
    await main.done
    expect(main.events.at(-1)).toEqual({
      type: 'exit',
      message: 'The terminal ended when the window that showed it closed.',
    })
    expect(t.isEnded()).toBe(true)
  })

  it('refuses a used ticket, a ticket from before a move, and a popout by a window that lost the session', async () => {
    const t = setup()
    const main = openMain(t)
    await main.until(() => main.id() !== '')
    const first = main.id()
    const stale = t.hub.popout(first).ticket
    const { ticket } = t.hub.popout(first)
    const popped = claim(t, ticket)
    await popped.until(() => popped.id() !== '')

    const again = claim(t, ticket)
    await again.done
    expect(String(again.error())).toContain(ticketMessages.used)
    const late = claim(t, stale)
    await late.done
    expect(String(late.error())).toContain(ticketMessages.void)
    expect(() => t.hub.popout(first)).toThrow('This terminal session has ended.')
    expect(() => t.hub.recall(popped.id())).toThrow(/cannot come back/)
    // Nothing of the refused claims disturbed the session.
    expect(popped.events.at(-1)?.type).not.toBe('moved')
    await popped.close()
    await main.done
  })

  it('sends the exit to the owner and to the parked window, and forgets both', async () => {
    const t = setup()
    const main = openMain(t)
    await main.until(() => main.id() !== '')
    const popped = claim(t, t.hub.popout(main.id()).ticket)
    await popped.until(() => popped.id() !== '')
    t.out.push({ type: 'exit', code: 0, message: 'The shell exited (code 0).' })
    t.out.close()
    await Promise.all([popped.done, main.done])
    expect(popped.events.at(-1)).toMatchObject({ type: 'exit', code: 0 })
    expect(main.events.at(-1)).toMatchObject({ type: 'exit', code: 0 })
    expect(t.hub.count()).toEqual({ live: 0, parked: 0 })
  })
})
