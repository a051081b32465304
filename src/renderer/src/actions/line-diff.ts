export interface DiffRow {
  left?: string
  right?: string
  kind: 'same' | 'changed' | 'removed' | 'added'
}

/**
 * Side-by-side rows from a longest-common-subsequence line diff. Pod templates are a few dozen lines,
 * so the O(n·m) table is tiny; a removal followed by an addition is paired on one row as a change.
 */
export function diffLines(a: string, b: string): DiffRow[] {
  const x = a.replace(/\n$/, '').split('\n')
  const y = b.replace(/\n$/, '').split('\n')
  const n = x.length
  const m = y.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const rows: DiffRow[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = (): void => {
    const pairs = Math.max(removed.length, added.length)
    for (let k = 0; k < pairs; k++) {
      const left = removed[k]
      const right = added[k]
      if (left !== undefined && right !== undefined) rows.push({ left, right, kind: 'changed' })
      else if (left !== undefined) rows.push({ left, kind: 'removed' })
      else if (right !== undefined) rows.push({ right, kind: 'added' })
    }
    removed = []
    added = []
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      flush()
      rows.push({ left: x[i], right: y[j], kind: 'same' })
      i++
      j++
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(y[j]!)
      j++
    } else {
      removed.push(x[i]!)
      i++
    }
  }
  flush()
  return rows
}
