import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import { queryBool } from '../api/query'
import { badRequest } from '../api/status'
import { CRASH_AFTER_MS } from '../controllers/container-state'
import type { Pod } from '../types'
import type { LogLine, LogSource } from './log-lines'
import { linesBetween, nextLineAt } from './log-lines'
import { plannedExit } from '../controllers/run-to-completion'
import { scriptOutput } from './script-output'

// A fast writer (loggen) is sent in chunks at most this often rather than a write per line.
const MIN_FOLLOW_TICK_MS = 10

// GET pods/{name}/log: validation like the apiserver and kubelet, then lines, optionally followed.
export interface LogServer {
  serve(req: IncomingMessage, res: ServerResponse, ns: string, name: string, query: URLSearchParams): void
  stopAll(): void
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
}

export function resolveSource(pod: Pod, container: string, previous: boolean): LogSource {
  const src = resolveInstance(pod, container, previous)
  const spec = pod.spec.containers.find((c) => c.name === container)
  // a run-to-completion container prints what its command says, then nothing
  return spec && plannedExit(pod, spec) ? { ...src, script: scriptOutput(spec, src.startedAt) } : src
}

function resolveInstance(pod: Pod, container: string, previous: boolean): LogSource {
  const podName = pod.metadata.name
  const st = pod.status.containerStatuses?.find((s) => s.name === container)
  const image = pod.spec.containers.find((c) => c.name === container)?.image ?? ''
  const seedBase = `${pod.metadata.uid}/${container}`
  const last = st?.lastState.terminated
  if (previous) {
    if (!st || !last)
      throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`)
    return {
      seed: `${seedBase}/${st.restartCount - 1}`,
      image,
      container,
      startedAt: Date.parse(last.startedAt),
      endsAt: Date.parse(last.finishedAt),
    }
  }
  if (st?.state.running) {
    const startedAt = Date.parse(st.state.running.startedAt)
    const crash = image.includes('crashloop') ? { endsAt: startedAt + CRASH_AFTER_MS } : {}
    return { seed: `${seedBase}/${st.restartCount}`, image, container, startedAt, ...crash }
  }
  if (st?.state.terminated) {
    const t = st.state.terminated
    return {
      seed: `${seedBase}/${st.restartCount}`,
      image,
      container,
      startedAt: Date.parse(t.startedAt),
      endsAt: Date.parse(t.finishedAt),
    }
  }
  // A waiting container that ran before serves the previous instance's log, as the kubelet does.
  if (st && last) {
    const src = { seed: `${seedBase}/${st.restartCount - 1}`, image, container }
    return { ...src, startedAt: Date.parse(last.startedAt), endsAt: Date.parse(last.finishedAt) }
  }
  const reason = st?.state.waiting?.reason ?? 'ContainerCreating'
  const why = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? "image can't be pulled" : reason
  throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${why}`)
}

export function createLogServer(api: ObjectApi): LogServer {
  const podDef = resourceByKind('Pod')
  const streams = new Set<() => void>()

  return {
    stopAll() {
      for (const end of [...streams]) end()
    },
    serve(req, res, ns, name, query) {
      const pod = api.get(podDef, ns, name) as Pod
      const names = pod.spec.containers.map((c) => c.name)
      let container = query.get('container') ?? ''
      if (!container) {
        if (names.length !== 1) {
          throw badRequest(
            `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
          )
        }
        container = names[0] ?? ''
      }
      if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`)
      if (!pod.spec.nodeName) {
        res.writeHead(204)
        return void res.end()
      }
      const previous = queryBool(query, 'previous')
      const src = resolveSource(pod, container, previous)
      const timestamps = queryBool(query, 'timestamps')
      const tailParam = query.get('tailLines')
      const tail =
        tailParam !== null && tailParam !== '' && Number(tailParam) >= 0 ? Number(tailParam) : undefined
      const now = api.clock.now()
      let from = -Infinity
      if (query.get('sinceSeconds')) from = now - Number(query.get('sinceSeconds')) * 1000
      if (query.get('sinceTime')) from = Date.parse(query.get('sinceTime') ?? '')
      let budget = query.get('limitBytes') ? Number(query.get('limitBytes')) : Infinity

      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' })
      res.flushHeaders()
      let ended = false
      let cancelTimer: (() => void) | undefined
      const end = (): void => {
        if (ended) return
        ended = true
        cancelTimer?.()
        streams.delete(end)
        res.end()
      }
      const emit = (lines: LogLine[]): void => {
        let text = lines.map((l) => (timestamps ? `${stamp(l.at)} ${l.text}\n` : `${l.text}\n`)).join('')
        if (Buffer.byteLength(text) > budget) text = Buffer.from(text).subarray(0, budget).toString('utf8')
        budget -= Buffer.byteLength(text)
        if (text) res.write(text)
        if (budget <= 0) end()
      }
      emit(linesBetween(src, from, now, tail))
      const follow = queryBool(query, 'follow') && !previous
      if (!follow || ended) return end()
      streams.add(end)
      res.on('close', end)
      let last = now
      const tick = (): void => {
        if (ended) return
        const t = api.clock.now()
        emit(linesBetween(src, last, t, undefined, true))
        last = t
        const next = nextLineAt(src, t)
        const current = api.store.get(podDef, ns, name)?.obj as Pod | undefined
        const st = current?.status.containerStatuses?.find((s) => s.name === container)
        const sameInstance = st?.state.running && Date.parse(st.state.running.startedAt) === src.startedAt
        if (next === undefined || !current || (!sameInstance && !previous && src.endsAt === undefined))
          return end()
        cancelTimer = api.clock.setTimer(Math.max(next - t, MIN_FOLLOW_TICK_MS), tick)
      }
      const first = nextLineAt(src, now)
      if (first === undefined) return end()
      cancelTimer = api.clock.setTimer(Math.max(first - now, MIN_FOLLOW_TICK_MS), tick)
    },
  }
}
