/**
 * Hides credentials in text that may quote kubeconfig lines or HTTP headers (a YAML parser's snippet of the
 * lines around an error, a tool's stderr): the values of secret-bearing keys, bearer tokens, and long
 * base64 runs (certificate and key data). Applied to every error text the backend hands out or logs.
 */
const SECRET_KEYS = [
  'token',
  'password',
  'client-key-data',
  'client-certificate-data',
  'certificate-authority-data',
  'client-key',
  'id-token',
  'refresh-token',
  'access-token',
  'client-secret',
  'secret',
  'auth',
]

const keyValue = new RegExp(
  `(["']?\\b(?:${SECRET_KEYS.map((k) => k.replace(/-/g, '[-_]?')).join('|')})["']?\\s*[:=]\\s*)` +
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
