// Keys whose values are credentials (or certificate blobs no person reads) in a kubeconfig's users and clusters.
const SECRET_KEYS = [
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
const keys = SECRET_KEYS.join('|')
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
