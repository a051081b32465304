import type { PaletteEntry } from './types'

/**
 * How well `query` matches `text` (both lower case): 4 the title starts with it, 3 a word of it does, 2 it is
 * inside, 1 its letters appear in order ("wkl" finds "workloads"), 0 no match.
 */
export function matchScore(text: string, query: string): number {
  if (!query) return 1
  if (text.startsWith(query)) return 4
  if (new RegExp(`[\\s/._:-]${escape(query)}`).test(text)) return 3
  if (text.includes(query)) return 2
  let at = 0
  for (const ch of text) if (ch === query[at]) at++
  return at === query.length ? 1 : 0
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * How well an entry matches, 0–8. The title counts most (twice its matchScore); words elsewhere (the group, a
 * namespace) still find an entry. 2 or less is a weak match: the title's letters in order, or a word elsewhere.
 */
export function entryScore(entry: PaletteEntry, query: string): number {
  const title = matchScore(entry.title.toLowerCase(), query)
  const rest = matchScore(`${entry.group} ${entry.detail ?? ''} ${entry.keywords ?? ''}`.toLowerCase(), query)
  return Math.max(title * 2, rest > 1 ? rest : 0)
}

/** Entries that match, best first; ties keep the providers' order. At most `limit`. */
export function rankEntries(entries: readonly PaletteEntry[], query: string, limit = 60): PaletteEntry[] {
  const scored = entries.flatMap((entry, index) => {
    const score = entryScore(entry, query)
    return score > 0 ? [{ entry, index, score }] : []
  })
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.entry)
}
