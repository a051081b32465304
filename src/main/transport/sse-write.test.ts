import { createServer, request, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFrame } from './sse-write'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/**
 * Opens an event stream whose handler writes two frames with `write`, then reports what the socket still holds
 * before the current tick ends (as when a long run of promise callbacks follows the first frame).
 */
async function afterTwoFrames(
  write: (res: ServerResponse, frame: string) => void,
): Promise<{ corked: number; buffered: number; received: string }> {
  let seen: { corked: number; buffered: number } | undefined
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.flushHeaders()
    write(res, `data: ${'x'.repeat(1000)}\n\n`)
    write(res, 'data: second\n\n')
    const socket = res.socket!
    seen = { corked: socket.writableCorked, buffered: socket.writableLength }
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const received = await new Promise<string>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: '/' }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        text += c
        if (text.includes('second')) {
          req.destroy()
          resolve(text)
        }
      })
    })
    req.on('error', reject)
    req.end()
  })
  return { ...seen!, received }
}

describe('writeFrame', () => {
  it('hands each frame to the socket at once, within the tick that wrote it', async () => {
    const r = await afterTwoFrames(writeFrame)
    expect(r.corked).toBe(0)
    expect(r.buffered).toBe(0)
    expect(r.received).toContain(`data: ${'x'.repeat(1000)}\n\ndata: second\n\n`)
  })

  it('(what it fixes) a plain write stays corked in the response until the tick ends', async () => {
    const r = await afterTwoFrames((res, frame) => res.write(frame))
    expect(r.corked).toBe(1)
    expect(r.buffered).toBeGreaterThan(1000)
  })
})
