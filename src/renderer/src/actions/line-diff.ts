import { diffLines as changes } from 'diff'

export interface DiffRow {
  left?: string
  right?: string
  kind: 'same' | 'changed' | 'removed' | 'added'
}

function lines(value: string): string[] {
  return value.replace(/\n$/, '').split('\n')
}

/** Side-by-side rows from jsdiff's line diff; a removal followed by an addition is paired on one row. */
export function diffLines(a: string, b: string): DiffRow[] {
  const rows: DiffRow[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = (): void => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const left = removed[k]
      const right = added[k]
      if (left !== undefined && right !== undefined) rows.push({ left, right, kind: 'changed' })
      else if (left !== undefined) rows.push({ left, kind: 'removed' })
      else if (right !== undefined) rows.push({ right, kind: 'added' })
    }
    removed = []
    added = []
  }
  const end = (s: string): string => (s.endsWith('\n') ? s : `${s}\n`)
  for (const change of changes(end(a), end(b))) {
    if (change.removed) removed.push(...lines(change.value))
    else if (change.added) added.push(...lines(change.value))
    else {
      flush()
      for (const line of lines(change.value)) rows.push({ left: line, right: line, kind: 'same' })
    }
  }
  flush()
  return rows
}
