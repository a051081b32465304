// Splits a shell script into commands joined by `;`, `&&`, `||` or newlines, with quoting and `$VAR`
// expansion as sh does them for simple commands (no pipes, globs or redirections: the simulated shell has
// no processes to connect).
export type Joiner = ';' | '&&' | '||'

export interface ParsedCommand {
  words: string[]
  // how this command relates to the one before it
  after: Joiner
}

export class ShellSyntaxError extends Error {}

function expandVar(src: string, i: number, vars: (name: string) => string): [string, number] {
  // src[i] === '$'
  const next = src[i + 1]
  if (next === '?') return [vars('?'), i + 2]
  if (next === '{') {
    const end = src.indexOf('}', i + 2)
    if (end < 0) throw new ShellSyntaxError('syntax error: bad substitution')
    return [vars(src.slice(i + 2, end)), end + 1]
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1))
  if (!m) return ['$', i + 1]
  return [vars(m[0]), i + 1 + m[0].length]
}

export function parseScript(src: string, vars: (name: string) => string): ParsedCommand[] {
  const commands: ParsedCommand[] = []
  let words: string[] = []
  let word = ''
  let inWord = false
  let after: Joiner = ';'
  const endWord = (): void => {
    if (inWord) words.push(word)
    word = ''
    inWord = false
  }
  const endCommand = (joiner: Joiner): void => {
    endWord()
    if (words.length > 0) commands.push({ words, after })
    else if (joiner !== ';') throw new ShellSyntaxError(`syntax error: unexpected "${joiner}"`)
    words = []
    after = joiner
  }
  let i = 0
  while (i < src.length) {
    const c = src[i] ?? ''
    if (c === '\\' && i + 1 < src.length) {
      word += src[i + 1]
      inWord = true
      i += 2
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1)
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string')
      word += src.slice(i + 1, end)
      inWord = true
      i = end + 1
    } else if (c === '"') {
      inWord = true
      i++
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '$') {
          const [value, j] = expandVar(src, i, vars)
          word += value
          i = j
        } else if (src[i] === '\\' && /["\\$`]/.test(src[i + 1] ?? '')) {
          word += src[i + 1]
          i += 2
        } else word += src[i++]
      }
      if (i >= src.length) throw new ShellSyntaxError('syntax error: unterminated quoted string')
      i++
    } else if (c === '$') {
      const [value, j] = expandVar(src, i, vars)
      word += value
      inWord = inWord || value !== ''
      i = j
    } else if (c === '#' && !inWord) {
      while (i < src.length && src[i] !== '\n') i++
    } else if (c === ';' || c === '\n') {
      endCommand(';')
      i++
    } else if ((c === '&' || c === '|') && src[i + 1] === c) {
      endCommand(c === '&' ? '&&' : '||')
      i += 2
    } else if (c === ' ' || c === '\t') {
      endWord()
      i++
    } else {
      word += c
      inWord = true
      i++
    }
  }
  endWord()
  if (words.length > 0) commands.push({ words, after })
  else if (after !== ';') throw new ShellSyntaxError('syntax error: unexpected end of file')
  return commands
}
