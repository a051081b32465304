import { ApiError, type ExecEvent, type ExecTargetInfo } from '@shared/contract'
import { AsyncQueue } from '../workloads/async-queue'
import type { ExecSessions } from './exec-sessions'
import { createHandoffTickets, ticketMessages, type HandoffTickets } from './handoff-tickets'
import { OutputRing } from './output-ring'

/**
 * Terminal sessions that can move between windows. A session runs once (its producer: the exec stream) and
 * is shown by exactly one stream, its owner; the owner's session id is the only one input and resize accept.
 * Popping out issues a ticket; the stream that claims it becomes the owner (it gets the recent output
 * first), and the previous owner is parked: told `moved`, it stays open so `recall` can bring the session
 * back. The session ends when its owner's stream ends (the window or page that shows it went away).
 */
export interface SessionHub {
  open(
    target: ExecTargetInfo,
    produce: (signal: AbortSignal) => AsyncGenerator<ExecEvent>,
    signal: AbortSignal,
  ): AsyncGenerator<ExecEvent>
  /** A ticket for the session whose owner holds `session`. */
  popout(session: string): { ticket: string; expiresAt: number }
  claim(ticket: string, signal: AbortSignal): AsyncGenerator<ExecEvent>
  /** Moves the session back to the parked stream whose last id was `session`. */
  recall(session: string): void
  count(): { live: number; parked: number }
}

interface Attachment {
  /** The session id it holds while it owns the session; once parked, the key `recall` names it by. */
  key: string
  queue: AsyncQueue<ExecEvent>
}

interface Live {
  key: string
  owner: Attachment
  target: ExecTargetInfo
  command: string[]
  ring: OutputRing
  stop: AbortController
}

/** Characters per output event a window gets. */
const EVENT_CHARS = 64 * 1024

export function createSessionHub(
  sessions: ExecSessions,
  tickets: HandoffTickets = createHandoffTickets(),
): SessionHub {
  const byKey = new Map<string, Live>()
  const parked = new Map<string, { live: Live; att: Attachment }>()
  const attachment = (): Attachment => ({ key: '', queue: new AsyncQueue<ExecEvent>() })

  async function pump(live: Live, events: AsyncGenerator<ExecEvent>): Promise<void> {
    let last: ExecEvent | undefined
    try {
      for await (const e of events) {
        if (e.type === 'started') {
          byKey.delete(live.key)
          live.key = live.owner.key = e.session
          byKey.set(e.session, live)
          live.command = e.command
        } else if (e.type === 'output') live.ring.push(e.data)
        else if (e.type === 'exit') last = e
        live.owner.queue.push(e)
      }
      live.owner.queue.close()
    } catch (err) {
      live.owner.queue.close(err)
    } finally {
      byKey.delete(live.key)
      tickets.revoke(live.key)
      const end: ExecEvent = last ?? {
        type: 'exit',
        message: live.stop.signal.aborted
          ? 'The terminal ended when the window that showed it closed.'
          : 'The session ended.',
      }
      for (const [key, p] of parked) {
        if (p.live !== live) continue
        parked.delete(key)
        p.att.queue.push(end)
        p.att.queue.close()
      }
    }
  }

  async function* follow(att: Attachment, live: Live, signal: AbortSignal): AsyncGenerator<ExecEvent> {
    const onAbort = (): void => att.queue.close()
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      for (;;) {
        await att.queue.wait()
        if (signal.aborted) return
        const items = att.queue.take()
        if (items.length === 0 && att.queue.closed) return
        for (const e of joinOutput(items)) {
          yield e
          if (e.type === 'exit') return
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort)
      if (live.owner === att) live.stop.abort()
      else if (parked.get(att.key)?.att === att) parked.delete(att.key)
    }
  }

  function moveTo(live: Live, att: Attachment): void {
    const prev = live.owner
    const old = live.key
    tickets.revoke(old)
    const next = sessions.rekey(old)
    byKey.delete(old)
    byKey.set(next, live)
    live.key = att.key = next
    live.owner = att
    parked.set(old, { live, att: prev })
    prev.queue.push({ type: 'moved' })
    att.queue.push({
      type: 'started',
      session: next,
      command: live.command,
      resumed: true,
      target: live.target,
    })
    const text = live.ring.text()
    for (let at = 0; at < text.length; at += EVENT_CHARS)
      att.queue.push({ type: 'output', data: text.slice(at, at + EVENT_CHARS) })
  }

  return {
    open(target, produce, signal) {
      const stop = new AbortController()
      const owner = attachment()
      const live: Live = { key: '', owner, target, command: [], ring: new OutputRing(), stop }
      void pump(live, produce(stop.signal))
      return follow(owner, live, signal)
    },
    popout(session) {
      if (!byKey.has(session)) throw new ApiError('NotFound', 'This terminal session has ended.')
      return tickets.issue(session)
    },
    async *claim(ticket, signal) {
      const owner = tickets.claim(ticket)
      const live = byKey.get(owner)
      if (!live) throw new ApiError('Conflict', ticketMessages.void)
      const att = attachment()
      moveTo(live, att)
      yield* follow(att, live, signal)
    },
    recall(session) {
      const p = parked.get(session)
      if (!p) throw new ApiError('NotFound', 'This terminal has ended; it cannot come back.')
      parked.delete(session)
      moveTo(p.live, p.att)
    },
    count: () => ({ live: byKey.size, parked: parked.size }),
  }
}

/** Adjacent output events become one (up to EVENT_CHARS): a burst reaches the window as few messages. */
function joinOutput(items: ExecEvent[]): ExecEvent[] {
  const out: ExecEvent[] = []
  for (const e of items) {
    const prev = out[out.length - 1]
    if (e.type === 'output' && prev?.type === 'output' && prev.data.length + e.data.length <= EVENT_CHARS)
      out[out.length - 1] = { type: 'output', data: prev.data + e.data }
    else out.push(e)
  }
  return out
}
