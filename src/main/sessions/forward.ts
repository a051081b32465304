import net from 'node:net'
import { Writable } from 'node:stream'
import { CoreV1Api, PortForward as PortForwardClient, type KubeConfig } from '@kubernetes/client-node'
import { ApiError, type PortForward } from '@shared/contract'
import { toApiError } from '../errors/policy'
import { choosePod, findReplacement, isReady, type ForwardTarget, type PodPort } from './pod-choice'

/** How often a forward checks that its pod is still there and ready. */
export const POD_CHECK_MS = 1000

export interface ForwardSpec extends ForwardTarget {
  context?: string
  localPort?: number
}

/**
 * One port forward: a server on 127.0.0.1 whose every connection becomes one client-node port-forward
 * WebSocket to the chosen pod. A timer checks the pod; when it goes away the forward moves to a ready
 * replacement by itself and says so (kubectl's simply dies).
 */
export class Forward {
  readonly info: PortForward
  private readonly server = net.createServer((socket) => this.connect(socket))
  private readonly sockets = new Set<net.Socket>()
  private readonly core: CoreV1Api
  private current: PodPort = { pod: '', podPort: 0 }
  private timer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(
    id: string,
    private readonly kc: KubeConfig,
    private readonly spec: ForwardSpec,
    private readonly changed: () => void,
  ) {
    this.core = kc.makeApiClient(CoreV1Api)
    this.info = {
      id,
      context: spec.context,
      namespace: spec.namespace,
      target: spec.target,
      remotePort: spec.port,
      podPort: 0,
      pod: '',
      localPort: 0,
      url: '',
      state: 'active',
      connections: 0,
      startedAt: Date.now(),
    }
  }

  async start(): Promise<void> {
    this.use(await choosePod(this.core, this.spec))
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, this.spec.localPort)))
      // Loopback only: a forward must never expose a pod to the network.
      this.server.listen({ host: '127.0.0.1', port: this.spec.localPort ?? 0, exclusive: true }, resolve)
    })
    const address = this.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    this.info.localPort = port
    this.info.url = `http://127.0.0.1:${port}`
    this.server.on('error', (err) => this.fail(`The local port stopped listening: ${err.message}`))
    this.schedule()
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.server.close()
    for (const s of this.sockets) s.destroy()
  }

  private use(p: PodPort): void {
    this.current = p
    this.info.pod = p.pod
    this.info.podPort = p.podPort
  }

  private connect(socket: net.Socket): void {
    socket.on('error', () => {})
    if (this.info.state !== 'active') return void socket.destroy()
    this.sockets.add(socket)
    this.info.connections++
    this.changed()
    let errors = ''
    const errOut = new Writable({
      write(chunk: Buffer, _enc, cb) {
        errors += chunk.toString('utf8')
        cb()
      },
    })
    socket.on('close', () => {
      this.sockets.delete(socket)
      this.info.connections--
      if (errors.trim()) this.note(`A connection to pod "${this.current.pod}" failed: ${errors.trim()}`)
      this.changed()
    })
    new PortForwardClient(this.kc, true)
      .portForward(this.spec.namespace, this.current.pod, [this.current.podPort], socket, errOut, socket)
      .then((ws) => {
        if (typeof ws === 'function') return
        ws.on('close', () => socket.end())
        ws.on('error', () => socket.destroy())
        socket.on('close', () => ws.close())
        if (socket.destroyed) ws.close()
      })
      .catch((err: unknown) => {
        socket.destroy()
        const why = err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err)
        this.note(`Could not reach pod "${this.current.pod}": ${why}`)
        void this.check()
      })
  }

  private note(message: string): void {
    this.info.message = message
    this.changed()
  }

  private fail(message: string): void {
    this.info.state = 'failed'
    this.note(message)
    this.stop()
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.check().finally(() => this.schedule()), POD_CHECK_MS)
    this.timer.unref()
  }

  /** Is the pod still there and ready? If not, look for a ready replacement and move to it. */
  private async check(): Promise<void> {
    if (this.stopped) return
    try {
      const pod = await this.core
        .readNamespacedPod({ name: this.current.pod, namespace: this.spec.namespace })
        .catch((err: unknown) => {
          if (toApiError(err).code === 'NotFound') return undefined
          throw err
        })
      if (pod && isReady(pod)) {
        if (this.info.state === 'reconnecting') this.recovered(this.current.pod)
        return
      }
      const was = this.current.pod
      if (this.info.state !== 'reconnecting') {
        this.info.state = 'reconnecting'
        this.note(`Pod "${was}" ${pod ? 'is not ready' : 'went away'}; waiting for a ready pod to take over.`)
      }
      const next = await findReplacement(this.core, this.spec, this.current)
      if (next && !this.stopped) {
        this.use(next)
        this.recovered(was)
      }
    } catch (err) {
      this.note(`Cannot check pod "${this.current.pod}": ${toApiError(err).message}`)
    }
  }

  private recovered(was: string): void {
    this.info.state = 'active'
    this.note(
      was === this.current.pod
        ? `Pod "${was}" is ready again.`
        : `Moved to pod "${this.current.pod}" after pod "${was}" went away.`,
    )
  }
}

function listenError(err: NodeJS.ErrnoException, port: number | undefined): ApiError {
  if (err.code === 'EADDRINUSE')
    return new ApiError(
      'Conflict',
      `Port ${port} on 127.0.0.1 is already in use; choose another, or leave it empty.`,
    )
  if (err.code === 'EACCES') return new ApiError('Forbidden', `Skiff may not listen on port ${port}.`)
  return new ApiError('Unavailable', `Cannot listen on 127.0.0.1: ${err.message}`)
}
