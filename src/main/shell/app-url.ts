import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Where the window's page comes from: the dev server in `npm start`, else the built index.html. */
export interface AppLocation {
  /** The URL the window shows; the only page that may navigate or call the backend. */
  url: string
  /** Set when the page is a local file (packaged/built app), loaded with loadFile. */
  file?: string
}

export function appLocation(rendererUrl: string | undefined, mainDir: string): AppLocation {
  if (rendererUrl) return { url: rendererUrl }
  const file = join(mainDir, '../renderer/index.html')
  return { url: pathToFileURL(file).href, file }
}

/** Whether a URL is the app's own page (ignoring hash and query): the only thing a window may show or call from. */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const base = strip(appUrl)
  return (url) => strip(url) === base
}

function strip(url: string): string {
  return url.split('#')[0]!.split('?')[0]!
}
