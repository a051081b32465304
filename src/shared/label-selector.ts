/**
 * Kubernetes label selectors as `kubectl -l` accepts them: `app=web,tier!=db,env in (a,b),!legacy,exists`.
 * Parsed into requirements (or a message a person can act on) and matched against a row's labels.
 */

export type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: '>' | '<'; value: number }

export type SelectorParse = { ok: true; requirements: Requirement[] } | { ok: false; message: string }

type Token = { t: 'id' | 'op' | '(' | ')' | ',' | '!'; text: string; pos: number }

const nameRe = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const prefixRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const c = input[i]!
    if (/\s/.test(c)) {
      i++
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c, text: c, pos: i++ })
    } else if (c === '!' && input[i + 1] === '=') {
      tokens.push({ t: 'op', text: '!=', pos: i })
      i += 2
    } else if (c === '!') {
      tokens.push({ t: '!', text: '!', pos: i++ })
    } else if (c === '=') {
      const text = input[i + 1] === '=' ? '==' : '='
      tokens.push({ t: 'op', text, pos: i })
      i += text.length
    } else if (c === '<' || c === '>') {
      tokens.push({ t: 'op', text: c, pos: i++ })
    } else {
      const start = i
      while (i < input.length && !/[\s(),!=<>]/.test(input[i]!)) i++
      tokens.push({ t: 'id', text: input.slice(start, i), pos: start })
    }
  }
  return tokens
}

function keyProblem(key: string): string | undefined {
  const slash = key.indexOf('/')
  const name = slash >= 0 ? key.slice(slash + 1) : key
  if (slash >= 0) {
    const prefix = key.slice(0, slash)
    if (prefix.length > 253 || !prefixRe.test(prefix)) return `the prefix "${prefix}" is not a DNS subdomain`
  }
  if (name.length > 63) return `the key "${key}" is longer than 63 characters`
  if (!nameRe.test(name))
    return `the key "${key}" must be letters, digits, "-", "_" or ".", starting and ending alphanumeric`
  return undefined
}

function valueProblem(value: string): string | undefined {
  if (value === '') return undefined
  if (value.length > 63) return `the value "${value}" is longer than 63 characters`
  if (!nameRe.test(value))
    return `the value "${value}" must be letters, digits, "-", "_" or ".", starting and ending alphanumeric`
  return undefined
}

class SelectorError extends Error {}

/** Parses a selector; an empty one selects everything. */
export function parseLabelSelector(input: string): SelectorParse {
  const tokens = tokenize(input)
  let i = 0
  const peek = (): Token | undefined => tokens[i]
  const at = (tok: Token | undefined): string => (tok ? `at position ${tok.pos + 1}` : 'at the end')
  const fail = (msg: string): never => {
    throw new SelectorError(msg)
  }
  const requireKey = (): string => {
    const tok = tokens[i++]
    if (!tok || tok.t !== 'id') fail(`expected a label key ${at(tok)}`)
    const problem = keyProblem(tok!.text)
    if (problem) fail(problem)
    return tok!.text
  }
  const requireValue = (): string => {
    const tok = peek()
    if (!tok || tok.t === ',') return ''
    if (tok.t !== 'id') fail(`expected a value ${at(tok)}`)
    i++
    const problem = valueProblem(tok.text)
    if (problem) fail(problem)
    return tok.text
  }
  const valueSet = (op: string): string[] => {
    const open = tokens[i++]
    if (open?.t !== '(') fail(`expected "(" after "${op}" ${at(open)}`)
    const values: string[] = []
    for (;;) {
      const tok = tokens[i++]
      if (tok?.t === 'id') {
        const problem = valueProblem(tok.text)
        if (problem) fail(problem)
        values.push(tok.text)
      } else fail(`expected a value in the "${op}" list ${at(tok)}`)
      const sep = tokens[i++]
      if (sep?.t === ')') return values
      if (sep?.t !== ',') fail(`expected "," or ")" in the "${op}" list ${at(sep)}`)
    }
  }

  const requirements: Requirement[] = []
  try {
    if (tokens.length === 0) return { ok: true, requirements }
    for (;;) {
      if (peek()?.t === '!') {
        i++
        requirements.push({ key: requireKey(), op: 'notexists' })
      } else {
        const key = requireKey()
        const tok = peek()
        if (!tok || tok.t === ',') requirements.push({ key, op: 'exists' })
        else if (tok.t === 'op' && (tok.text === '=' || tok.text === '==' || tok.text === '!=')) {
          i++
          requirements.push({ key, op: tok.text === '!=' ? '!=' : '=', value: requireValue() })
        } else if (tok.t === 'op') {
          i++
          const num = tokens[i++]
          if (num?.t !== 'id' || !/^-?\d+$/.test(num.text))
            fail(`expected an integer after "${tok.text}" ${at(num)}`)
          requirements.push({ key, op: tok.text === '>' ? '>' : '<', value: Number(num!.text) })
        } else if (tok.t === 'id' && (tok.text === 'in' || tok.text === 'notin')) {
          i++
          requirements.push({ key, op: tok.text, values: valueSet(tok.text) })
        } else fail(`expected "=", "!=", "in", "notin" or "," after "${key}" ${at(tok)}`)
      }
      const next = tokens[i++]
      if (!next) return { ok: true, requirements }
      if (next.t !== ',') fail(`expected "," ${at(next)}`)
      if (!peek()) fail('expected a requirement after the last ","')
    }
  } catch (e) {
    if (e instanceof SelectorError) return { ok: false, message: `Invalid label selector: ${e.message}.` }
    throw e
  }
}

/** True when the labels satisfy every requirement (kubectl semantics: `!=` and `notin` match absent keys). */
export function matchesSelector(
  requirements: readonly Requirement[],
  labels: Record<string, string>,
): boolean {
  for (const r of requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key)
    const v = labels[r.key]
    switch (r.op) {
      case 'exists':
        if (!has) return false
        break
      case 'notexists':
        if (has) return false
        break
      case '=':
        if (!has || v !== r.value) return false
        break
      case '!=':
        if (has && v === r.value) return false
        break
      case 'in':
        if (!has || !r.values.includes(v!)) return false
        break
      case 'notin':
        if (has && r.values.includes(v!)) return false
        break
      case '>':
      case '<': {
        const n = has && /^-?\d+$/.test(v!) ? Number(v) : NaN
        if (Number.isNaN(n) || (r.op === '>' ? !(n > r.value) : !(n < r.value))) return false
        break
      }
    }
  }
  return true
}
