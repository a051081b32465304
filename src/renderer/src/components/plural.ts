/** "1 line", "2 lines": a count with its noun in the right number (English, regular plurals). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * A count grouped in thousands the English way, as the rest of the UI's words are English: "10,000". Not
 * `toLocaleString`: its first call loads ICU's number formatting (12–20 ms here), which a cold start paid inside
 * its first rows' render for the list's count (docs/performance.md, "Cold start, sixth pass").
 */
export function thousands(n: number): string {
  const [whole = '', fraction] = String(n).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}
