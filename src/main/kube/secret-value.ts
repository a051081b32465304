/** Decodes one base64 secret value; text only when it is valid UTF-8 without control characters. */
export function decodeSecretValue(base64: string): { value: string; binary: boolean; size: number } {
  const bytes = Buffer.from(base64, 'base64')
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text))
      return { value: text, binary: false, size: bytes.length }
  } catch {
    // not UTF-8: fall through to binary
  }
  return { value: bytes.toString('base64'), binary: true, size: bytes.length }
}
