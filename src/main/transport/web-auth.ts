import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison; hashing first makes lengths equal so length leaks nothing either. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, b)
}

/**
 * The token an API request carries: only `Authorization: Bearer`. Never a cookie (cookies ignore ports, so
 * every other server on 127.0.0.1 would receive it) and never `?token=` (URLs end up in logs and history).
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization
  if (typeof auth !== 'string' || !/^Bearer /i.test(auth)) return undefined
  return auth.slice(7).trim() || undefined
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** DNS-rebinding guard: the Host (and Origin, when sent) must name this loopback server and port. */
export function isLoopbackRequest(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  if (!host || !isLoopbackAuthority(host, port)) return false
  const origin = req.headers.origin
  if (origin === undefined) return true
  try {
    const u = new URL(origin)
    return u.protocol === 'http:' && isLoopbackAuthority(u.host, port)
  } catch {
    return false
  }
}

function isLoopbackAuthority(authority: string, port: number): boolean {
  const colon = authority.lastIndexOf(':')
  if (colon < 0) return false
  return (
    loopbackHosts.has(authority.slice(0, colon).toLowerCase()) && authority.slice(colon + 1) === String(port)
  )
}

export interface FailureLimiter {
  /** True when too many failures happened lately; only requests WITHOUT the right token are refused. */
  blocked(): boolean
  fail(): void
}

/**
 * Slows down token guessing: after `limit` failures within `windowMs`, requests that fail the token check get
 * 429 instead of 401. The holder of the token is checked first and never refused, so a hostile page firing
 * `<img>` requests cannot lock the real user out.
 */
export function createFailureLimiter(
  limit = 20,
  windowMs = 10_000,
  now: () => number = Date.now,
): FailureLimiter {
  let failures: number[] = []
  return {
    blocked(): boolean {
      const t = now()
      failures = failures.filter((f) => t - f < windowMs)
      return failures.length >= limit
    },
    fail(): void {
      // Bounded: a flood keeps at most `limit` timestamps.
      failures.push(now())
      if (failures.length > limit) failures.shift()
    },
  }
}
