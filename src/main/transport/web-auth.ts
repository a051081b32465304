import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'skiff_token'

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

/** The token a request carries: `Authorization: Bearer`, the HttpOnly cookie, or `?token=` (first page load). */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  const cookie = readCookie(req.headers.cookie, TOKEN_COOKIE)
  if (cookie) return cookie
  return url.searchParams.get('token') ?? undefined
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
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

/** Slows down token guessing: after `limit` failures within `windowMs`, every request is refused until it passes. */
export function createFailureLimiter(limit = 20, windowMs = 10_000, now: () => number = Date.now) {
  let failures: number[] = []
  return {
    blocked(): boolean {
      const t = now()
      failures = failures.filter((f) => t - f < windowMs)
      return failures.length >= limit
    },
    fail(): void {
      failures.push(now())
    },
  }
}
