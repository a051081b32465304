import type { ListPage } from './list-watch-source'

/**
 * Fetches one page; calls `onContinue` as soon as the page's continue token is known, which for an API server
 * is in the first bytes of the answer (ListMeta comes before the items), long before the page is decoded.
 */
export type PageFetch = (
  opts: { limit: number; continue?: string },
  signal: AbortSignal,
  onContinue: (token: string) => void,
) => Promise<ListPage>

interface Fetch {
  key: string
  page: Promise<ListPage>
  abort: AbortController
  /** The continue token of this page, once its head arrived. */
  next?: string
  /** The caller asked for this page (a prefetch that is only ahead does not chain further). */
  wanted: boolean
}

const keyOf = (limit: number, cont: string | undefined): string => `${limit}|${cont ?? ''}`

/**
 * Paged LIST with one page in flight ahead: page N+1 is requested the moment page N's continue token is read,
 * so the server prepares and sends it while this process decodes and projects page N. The same requests in
 * the same order as a sequential list (same continue tokens, same resourceVersion); only earlier. At most one
 * page is fetched ahead of the one asked for, and a call for any other page drops it.
 */
export function prefetchingPages(fetchPage: PageFetch): {
  listPage(opts: { limit: number; continue?: string }, signal: AbortSignal): Promise<ListPage>
  close(): void
} {
  let ahead: Fetch | undefined

  const start = (limit: number, cont: string | undefined): Fetch => {
    const abort = new AbortController()
    const f: Fetch = { key: keyOf(limit, cont), abort, wanted: false, page: Promise.resolve(undefined!) }
    f.page = fetchPage({ limit, ...(cont ? { continue: cont } : {}) }, abort.signal, (token) => {
      f.next = token
      if (f.wanted) prefetch(limit, token)
    })
    // A page fetched ahead and never asked for (the list stopped, or restarted) must not be an unhandled
    // rejection; whoever asks for it still gets the error.
    f.page.catch(() => {})
    return f
  }

  const prefetch = (limit: number, cont: string): void => {
    if (ahead?.key === keyOf(limit, cont)) return
    ahead?.abort.abort()
    ahead = start(limit, cont)
  }

  return {
    listPage({ limit, continue: cont }, signal) {
      const key = keyOf(limit, cont)
      let f: Fetch
      if (ahead?.key === key) {
        f = ahead
        ahead = undefined
      } else {
        ahead?.abort.abort()
        ahead = undefined
        f = start(limit, cont)
      }
      f.wanted = true
      if (f.next) prefetch(limit, f.next)
      if (signal.aborted) f.abort.abort()
      const onAbort = (): void => f.abort.abort()
      signal.addEventListener('abort', onAbort, { once: true })
      const settled = (): void => signal.removeEventListener('abort', onAbort)
      f.page.then(settled, settled)
      return f.page
    },
    close() {
      ahead?.abort.abort()
      ahead = undefined
    },
  }
}

/**
 * The continue token in the head of a JSON list (`{"kind":…,"metadata":{…,"continue":"…"},"items":[`), or
 * undefined when the head does not hold the whole ListMeta (then the page is simply not fetched ahead).
 */
export function continueInHead(head: string): string | undefined {
  const items = head.indexOf('"items":')
  if (items < 0) return undefined
  const m = /"continue":"([^"\\]*)"/.exec(head.slice(0, items))
  return m?.[1] || undefined
}
