/**
 * The match after (or before) the line now shown, wrapping around; -1 when there are none. Works from a line
 * index, so refreshing the match list as lines arrive keeps the person's place.
 */
export function stepMatch(
  matches: readonly number[],
  fromLine: number | undefined,
  direction: 1 | -1,
): number {
  if (matches.length === 0) return -1
  if (fromLine === undefined) return direction === 1 ? 0 : matches.length - 1
  if (direction === 1) {
    const i = matches.findIndex((m) => m > fromLine)
    return i === -1 ? 0 : i
  }
  const i = matches.findLastIndex((m) => m < fromLine)
  return i === -1 ? matches.length - 1 : i
}

/** Saves text as a file the way browsers and Electron both allow: a Blob behind a temporary link. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
