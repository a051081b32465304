// Duplicate keys in a JSON body, which JSON.parse silently resolves to the last one but kube-apiserver's
// strict decoding reports as `duplicate field "spec.replicas"`. A small scanner over the raw text.
const DUPLICATES = Symbol('duplicateFields')

export function findDuplicateKeys(text: string): string[] {
  const out: string[] = []
  let i = 0
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++
  }
  const str = (): string => {
    const start = i
    i++ // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    i++
    return JSON.parse(text.slice(start, i)) as string
  }
  const value = (path: string): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      const seen = new Set<string>()
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        const key = str()
        const at = path ? `${path}.${key}` : key
        if (seen.has(key)) out.push(at)
        seen.add(key)
        ws()
        i++ // colon
        value(at)
        ws()
        if (text[i++] !== ',') return
      }
    } else if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`)
        ws()
        if (text[i++] !== ',') return
      }
    } else if (c === '"') str()
    else while (i < text.length && !',}] \t\n\r'.includes(text[i] ?? '')) i++
  }
  value('')
  return out
}

// Parsed bodies carry their duplicates on a symbol, out of the way of cloning and serialising.
export function markDuplicates(parsed: unknown, text: string): void {
  if (typeof parsed !== 'object' || parsed === null) return
  const dups = findDuplicateKeys(text)
  if (dups.length > 0) Object.defineProperty(parsed, DUPLICATES, { value: dups, enumerable: false })
}

export function duplicatesOf(parsed: unknown): string[] {
  if (typeof parsed !== 'object' || parsed === null) return []
  return (parsed as { [DUPLICATES]?: string[] })[DUPLICATES] ?? []
}
