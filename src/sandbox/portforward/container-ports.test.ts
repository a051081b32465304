import { describe, expect, it } from 'vitest'
import type { Pod } from '../types'
import { findPortTarget, HttpResponder } from './container-ports'

// What answers on a pod's ports: declared ports speak HTTP/1.x with keep-alive; nginx also listens on 80.
function pod(image: string, ports: number[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
    spec: { containers: [{ name: 'c', image, ports: ports.map((containerPort) => ({ containerPort })) }] },
    status: {},
  }
}

function converse(p: Pod, port: number, requests: string[]): { replies: string; closed: boolean } {
  const target = findPortTarget(p, port)
  if (!target) throw new Error('no target')
  let replies = ''
  let closed = false
  const r = new HttpResponder(
    target,
    (d) => (replies += d.toString()),
    () => (closed = true),
  )
  for (const q of requests) for (const ch of q) r.input(Buffer.from(ch)) // byte by byte, as TCP may deliver
  return { replies, closed }
}

describe('container ports', () => {
  it('finds declared ports, and nginx on 80 even undeclared', () => {
    expect(findPortTarget(pod('ghcr.io/a/api:1', [8080]), 8080)?.port).toBe(8080)
    expect(findPortTarget(pod('ghcr.io/a/api:1', [8080]), 80)).toBeUndefined()
    expect(findPortTarget(pod('nginx:1.27', []), 80)?.container.name).toBe('c')
  })

  it('answers several keep-alive requests on one connection, then closes on Connection: close', () => {
    const { replies, closed } = converse(pod('nginx:1.27', [80]), 80, [
      'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
      'HEAD /missing HTTP/1.1\r\nHost: x\r\n\r\n',
      'POST /x HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc',
    ])
    const heads = replies.match(/HTTP\/1\.1 \d{3} [A-Za-z ]+/g)
    expect(heads).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found', 'HTTP/1.1 404 Not Found'])
    expect(replies).toContain('<h1>Welcome to nginx!</h1>')
    expect(replies.match(/<center>nginx\/1\.27\.3<\/center>/g)).toHaveLength(1) // HEAD has no body
    expect(closed).toBe(true)
  })

  it('answers other images with a JSON status and refuses what is not HTTP', () => {
    const ok = converse(pod('ghcr.io/a/api:1', [8080]), 8080, ['GET /v1/items?x=1 HTTP/1.0\r\n\r\n'])
    const body = ok.replies.slice(ok.replies.indexOf('\r\n\r\n') + 4)
    expect(JSON.parse(body)).toMatchObject({
      status: 'ok',
      pod: 'p',
      port: 8080,
      method: 'GET',
      path: '/v1/items',
    })
    expect(ok.closed).toBe(true) // HTTP/1.0 without keep-alive
    const bad = converse(pod('ghcr.io/a/api:1', [8080]), 8080, ['HELLO\r\n\r\n'])
    expect(bad.replies).toMatch(/^HTTP\/1\.1 400 Bad Request/)
    expect(bad.closed).toBe(true)
  })
})
