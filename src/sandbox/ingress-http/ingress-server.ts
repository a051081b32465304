import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KObj } from '../types'
import { resolve } from './resolve'

// The simulated ingress controller's HTTP side: answers on a loopback port for the admitted Ingresses.
// A backend "answers" with a line naming the pod and image, since nothing really runs in the sandbox.
const NGINX = (code: string): string =>
  `<html>\r\n<head><title>${code}</title></head>\r\n<body>\r\n<center><h1>${code}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

export interface IngressServer {
  port: number
  close(): Promise<void>
}

export async function startIngressServer(
  objects: () => { ingresses: KObj[]; endpoints: KObj[]; pods: KObj[] },
  port = 0,
): Promise<IngressServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const answer = resolve(objects(), req.headers.host ?? '', path)
    if (answer.status === 200) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-skiff-simulated': 'true' })
      res.end(
        `Hello from ${answer.pod} (image ${answer.image}), reached through ingress ${answer.ingress} → service ${answer.service}.\nSimulated by Skiff's sandbox: no container really runs.\n`,
      )
      return
    }
    const code = answer.status === 404 ? '404 Not Found' : '503 Service Temporarily Unavailable'
    res.writeHead(answer.status, { 'content-type': 'text/html' })
    res.end(NGINX(code))
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => ok())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
