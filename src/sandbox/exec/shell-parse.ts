// Splits a shell script into commands joined by `;`, `&&`, `||` or newlines, with quoting and `$VAR`
// expansion as sh does them for simple commands (no pipes, globs or redirections: the simulated shell has
// no processes to connect).
export type Joiner = ';' | '&&' | '||'

// A word is literal text and variable references, expanded only when its command runs (so `false; echo $?`
// sees the status of `false`). `quoted` keeps an empty expansion as a word, as "$EMPTY" does.
type Part = string | { name: string }
interface Word {
  parts: Part[]
  quoted: boolean
}

export interface ParsedCommand {
  expand(vars: (name: string) => string): string[]
  // how this command relates to the one before it
  after: Joiner
}

function expander(words: Word[]): ParsedCommand['expand'] {
  return (vars) =>
    words.flatMap((w) => {
      const text = w.parts.map((p) => (typeof p === 'string' ? p : vars(p.name))).join('')
      return text === '' && !w.quoted ? [] : [text]
    })
}

export class ShellSyntaxError extends Error {}

function varRef(src: string, i: number): [Part, number] {
  // src[i] === '$'
  const next = src[i + 1]
  if (next === '?') return [{ name: '?' }, i + 2]
  if (next === '{') {
    const end = src.indexOf('}', i + 2)
    if (end < 0) throw new ShellSyntaxError('syntax error: bad substitution')
    return [{ name: src.slice(i + 2, end) }, end + 1]
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1))
  if (!m) return ['$', i + 1]
  return [{ name: m[0] }, i + 1 + m[0].length]
}

export function parseScript(src: string): ParsedCommand[] {
  const commands: ParsedCommand[] = []
  let words: Word[] = []
  let word: Word = { parts: [], quoted: false }
  let inWord = false
  let after: Joiner = ';'
  const add = (p: Part): void => {
    word.parts.push(p)
    inWord = true
  }
  const endWord = (): void => {
    if (inWord) words.push(word)
    word = { parts: [], quoted: false }
    inWord = false
  }
  const endCommand = (joiner: Joiner): void => {
    endWord()
    if (words.length > 0) commands.push({ expand: expander(words), after })
    else if (joiner !== ';') throw new ShellSyntaxError(`syntax error: unexpected "${joiner}"`)
    words = []
    after = joiner
  }
  let i = 0
  while (i < src.length) {
    const c = src[i] ?? ''
    if (c === '\\' && i + 1 < src.length) {
      add(src[i + 1] ?? '')
      i += 2
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1)
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string')
      add(src.slice(i + 1, end))
      word.quoted = true
      i = end + 1
    } else if (c === '"') {
      add('')
      word.quoted = true
      i++
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '$') {
          const [part, j] = varRef(src, i)
          add(part)
          i = j
        } else if (src[i] === '\\' && /["\\$`]/.test(src[i + 1] ?? '')) {
          add(src[i + 1] ?? '')
          i += 2
        } else add(src[i++] ?? '')
      }
      if (i >= src.length) throw new ShellSyntaxError('syntax error: unterminated quoted string')
      i++
    } else if (c === '$') {
      const [part, j] = varRef(src, i)
      add(part)
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
      add(c)
      i++
    }
  }
  endWord()
  if (words.length > 0) commands.push({ expand: expander(words), after })
  else if (after !== ';') throw new ShellSyntaxError('syntax error: unexpected end of file')
  return commands
}
