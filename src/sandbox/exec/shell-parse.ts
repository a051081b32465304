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
  // set when the word names a redirection's file (`> f`, `2>> f`)
  into?: { fd: 1 | 2; append: boolean }
  // `2>&1` and `>&2`: no text, one stream sent where the other goes
  dup?: { fd: 1 | 2; to: 1 | 2 }
}

export type Redirect = { fd: 1 | 2; file: string; append: boolean } | { fd: 1 | 2; to: 1 | 2 }

export interface Expanded {
  words: string[]
  redirects: Redirect[]
}

export interface ParsedCommand {
  expand(vars: (name: string) => string): Expanded
  // how this command relates to the one before it
  after: Joiner
}

function expander(words: Word[]): ParsedCommand['expand'] {
  return (vars) => {
    const out: Expanded = { words: [], redirects: [] }
    for (const w of words) {
      if (w.dup) {
        out.redirects.push(w.dup)
        continue
      }
      const text = w.parts.map((p) => (typeof p === 'string' ? p : vars(p.name))).join('')
      if (w.into) out.redirects.push({ ...w.into, file: text })
      else if (text !== '' || w.quoted) out.words.push(text)
    }
    return out
  }
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
  let pendingInto: Word['into']
  const add = (p: Part): void => {
    word.parts.push(p)
    inWord = true
  }
  const endWord = (): void => {
    if (inWord) {
      if (pendingInto) word.into = pendingInto
      pendingInto = undefined
      words.push(word)
    }
    word = { parts: [], quoted: false }
    inWord = false
  }
  // `>`, `>>`, `2>`, `2>&1`, `>&2` at src[i] (a lone "1" or "2" just before names the stream)
  const redirect = (i: number): number => {
    const fdWord = inWord && word.parts.length === 1 && (word.parts[0] === '1' || word.parts[0] === '2')
    const fd: 1 | 2 = fdWord && word.parts[0] === '2' ? 2 : 1
    if (fdWord) {
      word = { parts: [], quoted: false }
      inWord = false
    } else endWord()
    let j = i + 1
    const append = src[j] === '>'
    if (append) j++
    if (src[j] === '&' && (src[j + 1] === '1' || src[j + 1] === '2')) {
      words.push({ parts: [], quoted: false, dup: { fd, to: src[j + 1] === '2' ? 2 : 1 } })
      return j + 2
    }
    pendingInto = { fd, append }
    return j
  }
  const endCommand = (joiner: Joiner): void => {
    endWord()
    if (pendingInto) throw new ShellSyntaxError('syntax error: unexpected redirection')
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
    } else if (c === '>') {
      i = redirect(i)
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
