import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'

/** Web mode's front door as the page uses it: the origin, the token from the URL's fragment, POST /api/call. */
export interface WebDoor {
  origin: string
  auth: { Authorization: string }
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

export function webDoor(webUrl: string): WebDoor {
  const url = new URL(webUrl)
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? ''
  const auth = { Authorization: `Bearer ${token}` }
  return {
    origin: url.origin,
    auth,
    async call(method, input) {
      const res = await fetch(`${url.origin}/api/call`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
      })
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
      return body.value as never
    },
  }
}
