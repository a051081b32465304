import { randomInt } from 'node:crypto'

// apimachinery's util/rand alphabet: no vowels, no confusable characters.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

export function randomSuffix(length = 5): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}

export function generateName(base: string): string {
  return base.slice(0, 58) + randomSuffix()
}

// RFC 3339 with second precision, as metav1.Time serializes.
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

// FNV-32a, used for deterministic pod-template hashes and log content.
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

// SafeEncodeString's alphabet: pod-template-hash values only use these characters.
export function safeEncode(n: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  return String(n)
    .split('')
    .map((d) => alphabet[d.charCodeAt(0) % alphabet.length] ?? 'b')
    .join('')
}
