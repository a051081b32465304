// Where the cursor is in a YAML document, by indentation, so completion works while the text is half typed
// (a parser gives up on exactly the lines a person is writing).

export interface CursorPlace {
  /** Keys (and `[]` for list items) from the document root to the mapping the cursor is in. */
  path: string[]
  /** The document's text (between `---` lines) and the cursor's offset in it. */
  docText: string
  docOffset: number
  /** What is typed of the key so far, and where it starts (in the whole text). */
  prefix: string
  from: number
  /** True when the cursor is after `key:` on its line (a value, not a key). */
  inValue: boolean
  /** The key written on the cursor's line, if any. */
  lineKey?: string
}

interface LineInfo {
  indent: number
  /** Indent of the key on the line (after any `- ` markers). */
  keyIndent: number
  dashes: number[]
  key?: string
  rest: string
}

function info(line: string): LineInfo {
  const indent = line.length - line.trimStart().length
  let pos = indent
  const dashes: number[] = []
  while (line.startsWith('- ', pos) || line.slice(pos) === '-') {
    dashes.push(pos)
    pos += 2
    while (line[pos] === ' ') pos++
  }
  const m = /^([^\s:#'"][^:#]*?|"[^"]*"|'[^']*'):(\s|$)/.exec(line.slice(pos))
  const key = m?.[1]?.replace(/^["']|["']$/g, '')
  return { indent, keyIndent: pos, dashes, key, rest: m ? line.slice(pos + m[0].length) : line.slice(pos) }
}

/** The document around `pos` in a multi-document text: its start offset and text. */
export function documentAt(text: string, pos: number): { start: number; text: string } {
  const sep = /^---[ \t]*(#.*)?$/gm
  let start = 0
  let end = text.length
  for (const m of text.matchAll(sep)) {
    const at = m.index ?? 0
    if (at + m[0].length < pos) start = at + m[0].length + 1
    else if (at >= pos) {
      end = at
      break
    }
  }
  return { start: Math.min(start, text.length), text: text.slice(Math.min(start, text.length), end) }
}

/** The parent path of a line whose key (or cursor) sits at column `col`, from the lines above it. */
function parentPath(lines: string[], row: number, col: number): string[] {
  const path: string[] = []
  let want = col
  for (let r = row - 1; r >= 0 && want > 0; r--) {
    const raw = lines[r] ?? ''
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue
    const li = info(raw)
    if (li.indent >= want) continue // a sibling or something deeper
    if (li.key !== undefined && li.keyIndent < want) path.unshift(li.key)
    // Every list marker left of us: we are inside that item (`- - x` nests twice).
    for (const d of [...li.dashes].reverse()) if (d < want) path.unshift('[]')
    want = li.indent
  }
  return path
}

export function cursorPlace(text: string, pos: number): CursorPlace {
  const doc = documentAt(text, pos)
  const offset = pos - doc.start
  const before = doc.text.slice(0, offset)
  const lines = doc.text.split('\n')
  const row = before.split('\n').length - 1
  const lineStart = before.lastIndexOf('\n') + 1
  const line = lines[row] ?? ''
  const col = offset - lineStart
  const li = info(line)
  const typed = line.slice(0, col)
  const inValue = li.key !== undefined && col > li.keyIndent + li.key.length
  // A line starting with `- ` is a list item: its parent is found from the marker's column.
  const parentCol = line.trim() ? li.indent : col
  const path = parentPath(lines, row, parentCol)
  for (const d of li.dashes) if (d < col) path.push('[]')
  const word = /[\w.-]*$/.exec(typed)?.[0] ?? ''
  return {
    path,
    docText: doc.text,
    docOffset: offset,
    prefix: word,
    from: pos - word.length,
    inValue,
    lineKey: li.key,
  }
}

/** apiVersion and kind of the document, read from its top-level lines. */
export function documentKind(docText: string): { apiVersion?: string; kind?: string } {
  const top = (key: string): string | undefined =>
    new RegExp(`^${key}:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(docText)?.[1]
  return { apiVersion: top('apiVersion'), kind: top('kind') }
}
