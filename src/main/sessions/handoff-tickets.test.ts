import { describe, expect, it } from 'vitest'
import { HANDOFF_TTL_MS } from '@shared/contract'
import { createHandoffTickets, ticketMessages, TICKETS_MAX } from './handoff-tickets'

describe('pop-out tickets', () => {
  it('are claimed once: the owner comes back the first time, a reuse is refused in words', () => {
    const tickets = createHandoffTickets(() => 0)
    const { ticket, expiresAt } = tickets.issue('owner-a')
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(expiresAt).toBe(HANDOFF_TTL_MS)
    expect(tickets.claim(ticket)).toBe('owner-a')
    expect(() => tickets.claim(ticket)).toThrow(ticketMessages.used)
  })

  it('expire: on a stepped clock, valid up to their deadline and refused after it', () => {
    let now = 1_000
    const tickets = createHandoffTickets(() => now)
    const a = tickets.issue('owner-a')
    const b = tickets.issue('owner-b')
    now += HANDOFF_TTL_MS
    expect(tickets.claim(a.ticket)).toBe('owner-a')
    now += 1
    expect(() => tickets.claim(b.ticket)).toThrow(ticketMessages.expired)
  })

  it('are void once their owner handed the session on or it ended; other owners keep theirs', () => {
    const tickets = createHandoffTickets(() => 0)
    const a = tickets.issue('owner-a')
    const b = tickets.issue('owner-b')
    tickets.revoke('owner-a')
    expect(() => tickets.claim(a.ticket)).toThrow(ticketMessages.void)
    expect(tickets.claim(b.ticket)).toBe('owner-b')
    // A revoke after use changes nothing: the used ticket still says "already used".
    tickets.revoke('owner-b')
    expect(() => tickets.claim(b.ticket)).toThrow(ticketMessages.used)
  })

  it('refuse forged tickets, and a ticket of another store, with the same plain message', () => {
    const tickets = createHandoffTickets(() => 0)
    const other = createHandoffTickets(() => 0).issue('owner-a')
    tickets.issue('owner-a')
    expect(() => tickets.claim(other.ticket)).toThrow(ticketMessages.unknown)
    expect(() => tickets.claim('A'.repeat(32))).toThrow(ticketMessages.unknown)
  })

  it('stay bounded: old ones are forgotten, first after they expire, else the oldest', () => {
    let now = 0
    const tickets = createHandoffTickets(() => now)
    const first = tickets.issue('o')
    for (let i = 0; i < TICKETS_MAX + 50; i++) tickets.issue(`o${i}`)
    expect(tickets.size()).toBeLessThanOrEqual(TICKETS_MAX)
    expect(() => tickets.claim(first.ticket)).toThrow(ticketMessages.unknown)
    now += 60 * 60_000
    tickets.issue('late')
    expect(tickets.size()).toBe(1)
  })
})
