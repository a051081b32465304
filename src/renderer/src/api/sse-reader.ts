export interface SseMessage {
  event: string
  data: string
}

/**
 * After a message this large, the reader lets the page render before it parses the next one. A big list's
 * first part (500 pod rows, ~48 KB packed) is one: it is shown before the rest that came in the same read is
 * parsed and unpacked (a cold start's first rows; docs/performance.md, "Cold start, fifth pass").
 */
const YIELD_AFTER_CHARS = 32 * 1024

/**
 * Reads Server-Sent Events from a fetch body. Web mode reads its event stream with fetch rather than
 * EventSource because EventSource cannot send the Authorization header the token rides in.
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onMessage: (m: SseMessage) => void,
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  // Where the search for the end of a message resumes: a 3 MB message arrives in ~50 reads, and searching the
  // whole buffer again after each one was quadratic.
  let searchFrom = 0
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let end: number
    let yielded = false
    while ((end = blockEnd(buffer, searchFrom)) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '')
      searchFrom = 0
      const message = parseBlock(block)
      if (message) onMessage(message)
      // A big message (the first rows of a big list) is shown before the next one is parsed. The first such
      // wait after a read is a zero timer: TanStack Query tells its observers on one, queued by the message
      // just handled, so the render comes first. Later ones take a message task (timers set from timers
      // are clamped to 4 ms after a few).
      if (block.length > YIELD_AFTER_CHARS && blockEnd(buffer, 0) >= 0) {
        await (yielded ? nextTask() : nextTimer())
        yielded = true
      }
    }
    searchFrom = Math.max(0, buffer.length - 3) // a separator may straddle two reads
  }
}

function blockEnd(buffer: string, from: number): number {
  const at = buffer.slice(from).search(/\r?\n\r?\n/)
  return at < 0 ? -1 : from + at
}

/** A zero timer: runs after the zero timers set before it (TanStack Query's notification of new rows). */
function nextTimer(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** A new task (not a clamped timer): work React has scheduled meanwhile runs first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

function parseBlock(block: string): SseMessage | undefined {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined
}
