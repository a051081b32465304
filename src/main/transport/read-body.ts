import type { IncomingMessage } from 'node:http'

export class BodyTooLarge extends Error {}

/** Past this, an oversized body is no longer drained: the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024

/**
 * Reads a request body up to `max` bytes. Over the limit it rejects with BodyTooLarge at once (so the caller
 * can answer 413) but keeps reading and discarding the rest: closing a socket with unread data makes the
 * kernel send a reset, and the client would never see the 413.
 */
export function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    const overLimit = (): void => {
      tooLarge = true
      chunks.length = 0
      reject(new BodyTooLarge())
    }
    if (Number.isFinite(declared) && declared > max) overLimit()
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (tooLarge) {
        if (size > DRAIN_LIMIT) req.destroy()
        return
      }
      if (size > max) return overLimit()
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', (err) => {
      if (!tooLarge) reject(err)
    })
  })
}
