import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml'

/** One YAML document of a manifest, with where it sits in the whole text. */
export interface ManifestDocument {
  index: number
  /** 1-based line of the document's first content line in the whole text. */
  startLine: number
  /** The parsed document (node ranges are offsets in the whole text). */
  doc: Document
  /** The plain object, when the document parsed to a mapping. */
  object?: Record<string, unknown>
  /** Why the document cannot be sent, with the line it is about (1-based, whole text). */
  error?: { message: string; line: number }
}

/**
 * Splits a multi-document manifest like kubectl's decoder: `---` separates documents, empty ones (only comments
 * or blank) are skipped, and each keeps its line offset so a server message can point at the right line.
 */
export function splitDocuments(text: string): { documents: ManifestDocument[]; lines: LineCounter } {
  const lines = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const list = Array.isArray(docs) ? docs : []
  const documents: ManifestDocument[] = []
  for (const doc of list) {
    const [start, valueEnd] = doc.range
    const contentStart = doc.contents?.range?.[0] ?? start
    const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)
    if (empty && doc.errors.length === 0) continue // `---` with nothing (or only comments) after it
    const startLine = lines.linePos(Math.min(contentStart, valueEnd)).line
    const item: ManifestDocument = { index: documents.length, startLine, doc }
    const [err] = doc.errors
    if (err) {
      item.error = {
        message: err.message.split('\n')[0] ?? err.message,
        line: lastLineBefore(text, lines, start, err.pos[0]),
      }
    } else {
      const value: unknown = doc.toJS({ maxAliasCount: 100 })
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        item.object = value as Record<string, unknown>
      } else {
        item.error = {
          message: 'This document is not a Kubernetes object (a mapping with apiVersion and kind).',
          line: startLine,
        }
      }
    }
    documents.push(item)
  }
  return { documents, lines }
}

/** The line of `pos`, or of the last written character before it (an unclosed `[` is reported at the end). */
function lastLineBefore(text: string, lines: LineCounter, start: number, pos: number): number {
  const written = text
    .slice(start, pos)
    .replace(/(\s*\n---\s*)+$/, '')
    .trimEnd().length
  return lines.linePos(start + Math.max(0, written - 1)).line
}
