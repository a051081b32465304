/** Whether a URL is the app's own page (ignoring hash and query): the only thing a window may show or call from. */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const base = strip(appUrl)
  return (url) => strip(url) === base
}

function strip(url: string): string {
  return url.split('#')[0]!.split('?')[0]!
}
