import { randomUUID } from 'node:crypto'
import type { KubeConfig } from '@kubernetes/client-node'
import { ApiError, FORWARDS_MAX, type PortForward } from '@shared/contract'
import { AsyncQueue } from '../workloads/async-queue'
import { Forward, type ForwardSpec } from './forward'

/** Every port forward of this backend, shared by all windows, stopped when the backend closes. */
export interface Forwards {
  start(spec: ForwardSpec): Promise<PortForward>
  stop(id: string): boolean
  list(): PortForward[]
  /** The whole list now, then again after each change, until `signal` aborts. */
  watch(signal: AbortSignal): AsyncGenerator<PortForward[]>
  close(): void
}

const copy = (f: Forward): PortForward => ({ ...f.info, target: { ...f.info.target } })
const sameTarget = (f: PortForward, s: ForwardSpec): boolean =>
  f.context === s.context &&
  f.namespace === s.namespace &&
  f.target.kind === s.target.kind &&
  f.target.name === s.target.name &&
  f.remotePort === s.port

export function createForwards(getKubeConfig: (context?: string) => Promise<KubeConfig>): Forwards {
  const live = new Map<string, Forward>()
  const watchers = new Set<AsyncQueue<true>>()
  const changed = (): void => {
    for (const w of watchers) w.push(true)
  }
  const list = (): PortForward[] => [...live.values()].map(copy)

  return {
    async start(spec) {
      // A second click on the same port shows the forward already running instead of opening another.
      const existing = [...live.values()].find((f) => f.info.state !== 'failed' && sameTarget(f.info, spec))
      if (existing && (spec.localPort === undefined || spec.localPort === existing.info.localPort))
        return copy(existing)
      if (live.size >= FORWARDS_MAX)
        throw new ApiError(
          'Unavailable',
          `Too many port forwards are open (at most ${FORWARDS_MAX}); stop one first.`,
        )
      const forward = new Forward(randomUUID(), await getKubeConfig(spec.context), spec, changed)
      await forward.start()
      live.set(forward.info.id, forward)
      changed()
      return copy(forward)
    },
    stop(id) {
      const f = live.get(id)
      if (!f) return false
      f.stop()
      live.delete(id)
      changed()
      return true
    },
    list,
    async *watch(signal) {
      const queue = new AsyncQueue<true>()
      const onAbort = (): void => queue.close()
      signal.addEventListener('abort', onAbort, { once: true })
      watchers.add(queue)
      try {
        yield list()
        for (;;) {
          await queue.wait()
          if (signal.aborted || queue.closed) return
          queue.take()
          yield list()
        }
      } finally {
        watchers.delete(queue)
        signal.removeEventListener('abort', onAbort)
      }
    },
    close() {
      for (const f of live.values()) f.stop()
      live.clear()
      for (const w of watchers) w.close()
    },
  }
}
