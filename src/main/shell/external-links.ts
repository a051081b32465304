/** Only web pages open outside the app; file:, javascript:, custom schemes never do. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password
  } catch {
    return false
  }
}
