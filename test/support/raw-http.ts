import { connect, type Socket } from 'node:net'

export interface RawReply {
  /** The status code of the first response, or 0 when the server closed without one. */
  status: number
  text: string
}

/**
 * Sends bytes exactly as given (no client-side validation, unlike node:http) and collects what comes back
 * until the server closes the connection. Send `Connection: close` in well-formed requests.
 */
export function rawRequest(port: number, bytes: string | Buffer): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    const done = (): void => {
      const text = Buffer.concat(chunks).toString('latin1')
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text })
    }
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('close', done)
    socket.on('error', () => undefined)
    socket.write(bytes)
    socket.end()
  })
}

/** Opens a connection, sends `head`, and leaves it open (a slow client); the caller destroys it. */
export function openSlow(port: number, head: string): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(head)
      resolve(socket)
    })
    socket.on('error', () => undefined)
  })
}
