import http from 'node:http'
import type { ExecEvent, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { STREAM_POD } from './streaming-scenario'
import { percentile } from './stats'
import { webDoor } from './web-api'

// Scenario 7, Skiff's side: a terminal and a port forward through web mode, the path the renderer takes
// (POST /api/call for keystrokes, the shared Server-Sent Events stream for output), on the sandbox.
export interface SessionFigures {
  keystrokeP50Ms: number
  keystrokeP95Ms: number
  forwardKeepAliveRps: number
  forwardNewConnectionRps: number
}

/** Web mode's two doors, as the page uses them: POST /api/call, and one stream read as Server-Sent Events. */
interface WebApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  execSession(input: ExecOpen, onEvent: (e: ExecEvent) => void): () => void
}
type ExecOpen = { namespace: string; pod: string; container: string; cols: number; rows: number }

function clientFor(webUrl: string): WebApi {
  const { origin, auth, call } = webDoor(webUrl)
  return {
    call,
    execSession(input, onEvent) {
      const abort = new AbortController()
      const q = new URLSearchParams({ name: 'exec.session', input: JSON.stringify(input) })
      void (async () => {
        const res = await fetch(`${origin}/api/stream?${q}`, { headers: auth, signal: abort.signal })
        const decoder = new TextDecoder()
        let text = ''
        for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true })
          const frames = text.split('\n\n')
          text = frames.pop() ?? ''
          for (const f of frames) if (f.startsWith('data: ')) onEvent(JSON.parse(f.slice(6)) as ExecEvent)
        }
      })().catch(() => {})
      return () => abort.abort()
    },
  }
}

/** Types `keys` one at a time into a shell; each one's time from the call to its echo on the stream. */
async function keystrokes(api: WebApi, namespace: string, keys: number): Promise<number[]> {
  let waiter: (() => void) | undefined
  let session: string | undefined
  let output = ''
  const stop = api.execSession({ namespace, pod: STREAM_POD, container: 'web', cols: 120, rows: 40 }, (e) => {
    if (e.type === 'started') session = e.session
    if (e.type === 'output') output += e.data
    waiter?.()
  })
  const until = async (check: () => boolean): Promise<void> => {
    const deadline = Date.now() + 20_000
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`the shell did not answer; output so far: ${output.slice(-200)}`)
      await new Promise<void>((resolve) => {
        waiter = resolve
        setTimeout(resolve, 1000)
      })
    }
  }
  try {
    await until(() => session !== undefined && /[#$] $/.test(output))
    const ms: number[] = []
    for (let i = 0; i < keys; i++) {
      const key = String.fromCharCode(97 + (i % 26))
      const before = output.length
      const t0 = performance.now()
      await api.call('exec.input', { session: session!, data: key })
      await until(() => output.slice(before).includes(key))
      ms.push(performance.now() - t0)
      if (i % 40 === 39) await api.call('exec.input', { session: session!, data: '\x15' }) // clear the line
    }
    return ms
  } finally {
    stop()
  }
}

function get(port: number, agent: http.Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))))
    })
    req.on('error', reject)
  })
}

/** Requests a second for `seconds`, `parallel` at a time. */
async function throughput(
  port: number,
  seconds: number,
  parallel: number,
  keepAlive: boolean,
): Promise<number> {
  const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: parallel }) : false
  const until = performance.now() + seconds * 1000
  let done = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < until) {
        await get(port, agent)
        done++
      }
    }),
  )
  if (agent) agent.destroy()
  return done / seconds
}

export async function sessionFigures(
  webUrl: string,
  namespace: string,
  samples: number,
  seconds: number,
): Promise<SessionFigures> {
  const api = clientFor(webUrl)
  const ms = await keystrokes(api, namespace, Math.max(20, samples * 10))
  const forward = await api.call('ports.start', {
    namespace,
    target: { kind: 'pod', name: STREAM_POD },
    port: 80,
  })
  try {
    await get(forward.localPort, false) // warm the TLS session and the code paths
    return {
      keystrokeP50Ms: percentile(ms, 50),
      keystrokeP95Ms: percentile(ms, 95),
      forwardKeepAliveRps: await throughput(forward.localPort, seconds, 4, true),
      forwardNewConnectionRps: await throughput(forward.localPort, seconds, 4, false),
    }
  } finally {
    await api.call('ports.stop', { id: forward.id })
  }
}
