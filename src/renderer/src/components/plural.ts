/** "1 line", "2 lines": a count with its noun in the right number (English, regular plurals). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
