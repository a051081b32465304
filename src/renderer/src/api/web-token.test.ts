import { describe, expect, it } from 'vitest'
import { takeWebToken } from './web-token'
import { readSse, type SseMessage } from './sse-reader'

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('the web token', () => {
  it('comes from #token=, is kept for reloads, and leaves the address bar (keeping a #section)', () => {
    const storage = memoryStorage()
    const urls: string[] = []
    const token = takeWebToken({
      location: { hash: '#token=abc-DEF_1#contexts', pathname: '/', search: '' },
      storage,
      replaceUrl: (u) => urls.push(u),
    })
    expect(token).toBe('abc-DEF_1')
    expect(urls).toEqual(['/#contexts'])
    // A reload: no fragment any more, the tab's sessionStorage still has it.
    expect(takeWebToken({ location: { hash: '#contexts', pathname: '/', search: '' }, storage })).toBe(
      'abc-DEF_1',
    )
  })

  it('is absent without a fragment or storage, and a new #token= replaces the stored one', () => {
    expect(takeWebToken({ location: { hash: '', pathname: '/', search: '' } })).toBeUndefined()
    const storage = memoryStorage()
    storage.setItem('skiff.token', 'old')
    expect(takeWebToken({ location: { hash: '#token=new', pathname: '/', search: '' }, storage })).toBe('new')
    expect(storage.data.get('skiff.token')).toBe('new')
  })
})

describe('the SSE reader', () => {
  it('splits events across arbitrary chunk boundaries', async () => {
    const text = 'event: hello\ndata: {"session":"s"}\n\n: keepalive\n\ndata: {"id":"a"}\n\ndata: x\r\n\r\n'
    const bytes = new TextEncoder().encode(text)
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7))
        c.close()
      },
    })
    const seen: SseMessage[] = []
    await readSse(body, (m) => seen.push(m))
    expect(seen).toEqual([
      { event: 'hello', data: '{"session":"s"}' },
      { event: 'message', data: '{"id":"a"}' },
      { event: 'message', data: 'x' },
    ])
  })
})
