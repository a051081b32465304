import { randomBytes } from 'node:crypto'
import { ApiError, HANDOFF_TTL_MS } from '@shared/contract'

/**
 * Pop-out tickets: a running terminal session moves to a new window or tab only with a ticket its current
 * owner asked for. A ticket is random, single-use and short-lived, and names the owner (the session id of
 * the page showing the terminal when it was issued): once that owner has handed the session on or the session
 * ended, the ticket is void. Used and void tickets are remembered until a while after they expire, so a
 * refused claim says why in words.
 */
export interface HandoffTickets {
  issue(owner: string): { ticket: string; expiresAt: number }
  /** The owner the ticket was issued by; throws a sentence for a forged, used, expired or void ticket. */
  claim(ticket: string): string
  /** The owner moved on (handed over, ended): its open tickets become void. */
  revoke(owner: string): void
  size(): number
}

type State = 'open' | 'used' | 'void'
interface Entry {
  owner: string
  expiresAt: number
  state: State
}

/** Tickets remembered at once; the oldest are forgotten first. */
export const TICKETS_MAX = 256
/** How long after expiry a ticket is still recognised (to say "expired" rather than "not valid"). */
const REMEMBER_MS = 10 * 60_000

export const ticketMessages = {
  unknown:
    'This terminal link is not valid: a terminal moves to its own window only from its own button, in the ' +
    'window that shows it.',
  used: 'This terminal link was already used; each link moves a terminal once.',
  expired: `This terminal link expired (links last ${HANDOFF_TTL_MS / 1000} seconds); pop the terminal out again.`,
  void: 'The terminal this link was for has moved to another window or ended since the link was made.',
}

export function createHandoffTickets(now: () => number = Date.now, ttlMs = HANDOFF_TTL_MS): HandoffTickets {
  const entries = new Map<string, Entry>()

  const purge = (t: number): void => {
    for (const [ticket, e] of entries) if (t > e.expiresAt + REMEMBER_MS) entries.delete(ticket)
    // Map keeps insertion order: the first keys are the oldest.
    for (const ticket of entries.keys()) {
      if (entries.size < TICKETS_MAX) break
      entries.delete(ticket)
    }
  }

  return {
    issue(owner) {
      const t = now()
      purge(t)
      const ticket = randomBytes(24).toString('base64url')
      const expiresAt = t + ttlMs
      entries.set(ticket, { owner, expiresAt, state: 'open' })
      return { ticket, expiresAt }
    },
    claim(ticket) {
      const e = entries.get(ticket)
      if (!e) throw new ApiError('NotFound', ticketMessages.unknown)
      if (e.state === 'used') throw new ApiError('Conflict', ticketMessages.used)
      if (e.state === 'void') throw new ApiError('Conflict', ticketMessages.void)
      if (now() > e.expiresAt) throw new ApiError('Conflict', ticketMessages.expired)
      e.state = 'used'
      return e.owner
    },
    revoke(owner) {
      for (const e of entries.values()) if (e.owner === owner && e.state === 'open') e.state = 'void'
    },
    size: () => entries.size,
  }
}
