import { KubeConfig } from '@kubernetes/client-node'
import type { ResourceEvent } from '@shared/contract/resources'
import type { Row } from '@shared/rows'
import { sandboxContextName } from '@sandbox'

/** A KubeConfig for a sandbox's url/token/caData, named like its kubeconfig context. */
export function kubeConfigFor(
  sb: { name: string; url: string; token: string; caData: string },
  token = sb.token,
): KubeConfig {
  const kc = new KubeConfig()
  const name = sandboxContextName(sb.name)
  kc.loadFromOptions({
    clusters: [{ name, server: sb.url, caData: sb.caData }],
    users: [{ name, token }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  })
  return kc
}

/**
 * Applies resource events to keyed rows as the renderer does: the first part of a snapshot replaces them, later
 * parts and deltas change them. Returns the folding function; `rows` is updated in place.
 */
export function rowFolder(rows: Map<string, Row>): (e: ResourceEvent) => void {
  let inSnapshot = false
  return (e) => {
    if (e.type === 'snapshot') {
      if (!inSnapshot) rows.clear()
      for (const r of e.rows) rows.set(r.key, r)
      inSnapshot = e.more === true
    } else if (e.type === 'delta') {
      for (const r of e.upserts) rows.set(r.key, r)
      for (const k of e.deletes) rows.delete(k)
    }
  }
}

/** Reads a resource stream the way the renderer does: rows in a map, every event kept for assertions. */
export interface Collector {
  rows: Map<string, Row>
  events: ResourceEvent[]
  waitFor(what: string, check: () => boolean, timeoutMs?: number): Promise<void>
  stop(): Promise<void>
  ended: Promise<unknown>
}

export function collect(stream: AsyncGenerator<ResourceEvent>, abort: AbortController): Collector {
  const rows = new Map<string, Row>()
  const events: ResourceEvent[] = []
  const fold = rowFolder(rows)
  const ended = (async () => {
    for await (const e of stream) {
      events.push(e)
      fold(e)
    }
  })().then(
    () => undefined,
    (err: unknown) => err,
  )
  return {
    rows,
    events,
    ended,
    async waitFor(what, check, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs
      while (!check()) {
        if (Date.now() > until)
          throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events.slice(-5))}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    async stop() {
      abort.abort()
      await stream.return(undefined)
      await ended
    },
  }
}

/** Open TCP/TLS sockets in this process (both ends of a loopback connection count). */
export function openSockets(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSWRAP').length
}

/** The socket count once it has stayed the same for 300 ms. */
export async function quietSockets(): Promise<number> {
  let last = openSockets()
  for (let same = 0; same < 6;) {
    await new Promise((r) => setTimeout(r, 50))
    const now = openSockets()
    same = now === last ? same + 1 : 0
    last = now
  }
  return last
}
