/**
 * The one owner of "hide credentials in kubeconfig text". Two uses:
 * - redactSecrets: error texts that may quote kubeconfig lines or HTTP headers (a YAML parser's snippet of the
 *   lines around an error, a tool's stderr) lose the values of secret-bearing keys, bearer tokens, and long
 *   base64 runs (certificate and key data). Applied to every error text the backend hands out or logs.
 * - maskSecretsAlike: kubeconfig texts shown side by side (the restore diff) get numbered placeholders, so the
 *   diff still shows which secret changed without showing any of them.
 */

// Keys whose values are credentials (or certificate blobs no person reads) in a kubeconfig's users and clusters.
const KUBECONFIG_SECRET_KEYS = [
  'token',
  'password',
  'client-key-data',
  'client-certificate-data',
  'certificate-authority-data',
  'id-token',
  'refresh-token',
  'access-token',
  'client-secret',
]
// Free text (stderr, error snippets) also names these loosely, in any case, with `_` or `=`.
const ERROR_TEXT_SECRET_KEYS = [...KUBECONFIG_SECRET_KEYS, 'client-key', 'secret', 'auth']

const keyValue = new RegExp(
  `(["']?\\b(?:${ERROR_TEXT_SECRET_KEYS.map((k) => k.replace(/-/g, '[-_]?')).join('|')})["']?\\s*[:=]\\s*)` +
    `("[^"\\n]*"?|'[^'\\n]*'?|[^\\s,}\\]]+)`,
  'gi',
)
const bearer = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/g
const longBase64 = /[A-Za-z0-9+/]{40,}={0,2}/g

export const REDACTED = '••••'

export function redactSecrets(text: string): string {
  return text
    .replace(keyValue, (_m, key: string) => `${key}${REDACTED}`)
    .replace(bearer, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(longBase64, REDACTED)
}

const keys = KUBECONFIG_SECRET_KEYS.join('|')
// `key: value` on its own line (block YAML), and `"key": "value"` anywhere (flow YAML or JSON kubeconfigs).
const blockLine = new RegExp(`^(\\s*(?:-\\s+)?["']?(?:${keys})["']?\\s*:[ \\t]+)(\\S.*?)[ \\t]*$`, 'gm')
const flowPair = new RegExp(`(["'](?:${keys})["']\\s*:\\s*)(["'])((?:(?!\\2).)*)\\2`, 'g')

/**
 * Replaces every secret value in each text by `(hidden value N)`, numbering equal values alike across all texts,
 * so a diff of the results still shows which secret changed without showing any of them.
 */
export function maskSecretsAlike(texts: readonly string[]): string[] {
  const numbers = new Map<string, number>()
  const label = (value: string): string => {
    if (!numbers.has(value)) numbers.set(value, numbers.size + 1)
    return `(hidden value ${numbers.get(value)})`
  }
  return texts.map((text) =>
    text
      .replace(
        flowPair,
        (_m, head: string, quote: string, value: string) => `${head}${quote}${label(value)}${quote}`,
      )
      .replace(blockLine, (m, head: string, value: string) =>
        value.startsWith('(hidden value') ? m : `${head}${label(value)}`,
      ),
  )
}
