import type { ContainerView } from '../exec/container-fs'
import { isNginxImage, nginxWelcomePage } from '../exec/container-fs'
import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { Pod } from '../types'

// What listens on a pod's port: each declared containerPort answers HTTP/1.x, nginx images with nginx's
// pages, other images with a small JSON status. A port nobody declared refuses, as an empty socket would.
export interface PortTarget extends ContainerView {
  port: number
}

// The pod as it is now (a forward outlives the request that opened it).
export function currentPod(api: ObjectApi, pod: Pod): Pod {
  const entry = api.store.get(resourceByKind('Pod'), pod.metadata.namespace ?? '', pod.metadata.name)
  return (entry?.obj ?? pod) as Pod
}

export function findPortTarget(pod: Pod, port: number): PortTarget | undefined {
  for (const container of pod.spec.containers) {
    if ((container.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === 'TCP'))
      return { pod, container, port }
  }
  // nginx listens on 80 whether or not the pod spec says so.
  const nginx = pod.spec.containers.find((c) => isNginxImage(c.image))
  return nginx && port === 80 ? { pod, container: nginx, port } : undefined
}

export function connectionRefused(pod: Pod, port: number): string {
  return (
    `error forwarding port ${port} to pod ${pod.metadata.uid}, uid : failed to connect to localhost:${port} ` +
    `inside the pod's network namespace, IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused`
  )
}

const NGINX_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n'

interface Reply {
  status: number
  type: string
  body: string
  server: string
}

export function reply(target: PortTarget, method: string, path: string): Reply {
  if (isNginxImage(target.container.image)) {
    const page = path === '/' || path === '/index.html'
    return {
      status: page ? 200 : 404,
      type: 'text/html',
      body: page ? nginxWelcomePage() : NGINX_404,
      server: 'nginx/1.27.3',
    }
  }
  const body = JSON.stringify({
    status: 'ok',
    pod: target.pod.metadata.name,
    namespace: target.pod.metadata.namespace ?? 'default',
    container: target.container.name,
    image: target.container.image,
    port: target.port,
    method,
    path,
  })
  return { status: 200, type: 'application/json', body: `${body}\n`, server: 'skiff-sandbox' }
}

const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found' }

// One TCP connection to the port: parses requests as they arrive and answers each in turn (keep-alive).
export class HttpResponder {
  private buffer: Buffer = Buffer.alloc(0)
  private closed = false

  constructor(
    private readonly target: PortTarget,
    private readonly send: (data: Buffer) => void,
    private readonly close: () => void,
    private readonly onRequest: () => void = () => undefined,
  ) {}

  input(data: Buffer): void {
    if (this.closed) return
    this.buffer = Buffer.concat([this.buffer, data])
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n')
      if (end < 0) {
        if (this.buffer.length > 64 * 1024) this.answerBad()
        return
      }
      const head = this.buffer.subarray(0, end).toString('latin1')
      const lines = head.split('\r\n')
      const [method = '', rawPath = '', version = ''] = (lines[0] ?? '').split(' ')
      const headers = new Map<string, string>()
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':')
        if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim())
      }
      const bodyLength = Number(headers.get('content-length') ?? 0) || 0
      if (this.buffer.length < end + 4 + bodyLength) return
      this.buffer = this.buffer.subarray(end + 4 + bodyLength)
      if (!/^HTTP\/1\.[01]$/.test(version)) return this.answerBad()
      this.onRequest()
      const r = reply(this.target, method, rawPath.split('?')[0] ?? '/')
      const keepAlive =
        version === 'HTTP/1.1'
          ? headers.get('connection')?.toLowerCase() !== 'close'
          : headers.get('connection')?.toLowerCase() === 'keep-alive'
      const bodyBuf = Buffer.from(r.body)
      const out =
        `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}\r\nServer: ${r.server}\r\n` +
        `Date: ${new Date().toUTCString()}\r\nContent-Type: ${r.type}\r\nContent-Length: ${bodyBuf.length}\r\n` +
        `Connection: ${keepAlive ? 'keep-alive' : 'close'}\r\n\r\n`
      this.send(Buffer.concat([Buffer.from(out, 'latin1'), method === 'HEAD' ? Buffer.alloc(0) : bodyBuf]))
      if (!keepAlive) return this.finish()
    }
  }

  // The client closed its side: a server closes too once it has answered.
  end(): void {
    this.finish()
  }

  private answerBad(): void {
    const body = '400 Bad Request\n'
    this.send(
      Buffer.from(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      ),
    )
    this.finish()
  }

  private finish(): void {
    if (this.closed) return
    this.closed = true
    this.close()
  }
}
