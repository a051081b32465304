// Finds the cluster writes in a source file and whether each one names a field manager: client-node calls
// (createX, patchX, replaceX) by their first argument, raw requests (method: 'POST' | 'PUT' | 'PATCH') by the
// object literal they sit in. Per call, so a file with one good write cannot hide a bad one beside it.

const CLIENT_WRITE =
  /(?<!doc|svc)\.(?:create|patch|replace)(?:Namespaced\w*|Namespace|Node\w*|PersistentVolume\w*|Cluster\w+|CustomObject\w*)\s*\(/g
const RAW_WRITE = /method:\s*'(?:POST|PUT|PATCH)'/g
const NAMES_MANAGER = /fieldManager(?::\s*(?:FIELD_MANAGER|'skiff')|=(?:\$\{FIELD_MANAGER\}|skiff))/

const OPEN = new Set(['(', '{', '['])
const CLOSE = new Set([')', '}', ']'])

/** From an opening bracket at `start`, the text up to its balanced close (or the first top-level comma). */
function balanced(text: string, start: number, stopAtComma: boolean): string {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const c = text.charAt(i)
    if (OPEN.has(c)) depth++
    else if (CLOSE.has(c) && --depth === 0) return text.slice(start + 1, i)
    else if (stopAtComma && c === ',' && depth === 1) return text.slice(start + 1, i)
  }
  return text.slice(start + 1)
}

/** The `{` opening the object literal around `at`. */
function enclosingBrace(text: string, at: number): number {
  let depth = 0
  for (let i = at; i >= 0; i--) {
    const c = text.charAt(i)
    if (CLOSE.has(c)) depth++
    else if (OPEN.has(c) && depth-- === 0) return i
  }
  return 0
}

function namesManager(text: string, argument: string, at: number): boolean {
  if (NAMES_MANAGER.test(argument)) return true
  // An identifier: the nearest object literal it was declared with before the call must name the manager.
  const id = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(argument)?.[1]
  if (!id) return false
  const decls = [...text.slice(0, at).matchAll(new RegExp(`(?:const|let)\\s+${id}\\b[^=]*=\\s*\\{`, 'g'))]
  const decl = decls.at(-1)
  return decl !== undefined && NAMES_MANAGER.test(balanced(text, decl.index + decl[0].length - 1, false))
}

export interface WriteCall {
  line: number
  call: string
  namesManager: boolean
}

export function writeCalls(text: string): WriteCall[] {
  const lineOf = (i: number): number => text.slice(0, i).split('\n').length
  const out: WriteCall[] = []
  for (const m of text.matchAll(CLIENT_WRITE)) {
    const open = m.index + m[0].length - 1
    out.push({
      line: lineOf(m.index),
      call: m[0].replace(/\s*\($/, ''),
      namesManager: namesManager(text, balanced(text, open, true), m.index),
    })
  }
  for (const m of text.matchAll(RAW_WRITE)) {
    const open = enclosingBrace(text, m.index)
    out.push({
      line: lineOf(m.index),
      call: m[0],
      namesManager: NAMES_MANAGER.test(balanced(text, open, false)),
    })
  }
  return out
}
