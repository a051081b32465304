import { readFile, stat } from 'node:fs/promises'
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Document, Node } from 'yaml'
import type { FileProblem, NamedEntry, Section } from './types'
import { redactSecrets } from '../util/redact-secrets'

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const SECTIONS: readonly Section[] = ['clusters', 'contexts', 'users']

export interface ParsedConfig {
  currentContext: string
  clusters: NamedEntry[]
  contexts: NamedEntry[]
  users: NamedEntry[]
}

export type LoadedFile =
  | { path: string; status: 'ok'; text: string; doc: Document; config: ParsedConfig }
  | { path: string; status: 'broken'; error: FileProblem }

export async function loadFile(path: string): Promise<LoadedFile> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) return broken(path, { message: `${path} is a folder, not a kubeconfig file.` })
    if (info.size > MAX_FILE_BYTES) {
      return broken(path, {
        message: `${path} is larger than 10 MB; that is not a kubeconfig. It was not loaded.`,
      })
    }
    return parseKubeconfig(path, await readFile(path, 'utf8'))
  } catch (err) {
    return broken(path, { message: `Cannot read ${path}: ${(err as Error).message}` })
  }
}

/** Parses one file's text; any problem makes the file "broken" (reported, never written). */
export function parseKubeconfig(path: string, text: string): LoadedFile {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: true })
  const first = doc.errors[0]
  if (first) {
    const pos = first.linePos?.[0]
    return broken(path, {
      message: first.message.split('\n')[0] ?? first.message,
      line: pos?.line,
      col: pos?.col,
    })
  }
  const at = (node: Node | null | undefined): { line?: number; col?: number } =>
    node?.range ? lineCounter.linePos(node.range[0]) : {}
  if (doc.contents !== null && !isMap(doc.contents)) {
    return broken(path, { message: 'The file is not a YAML mapping (kubeconfig).', ...at(doc.contents) })
  }
  for (const section of SECTIONS) {
    const node = doc.get(section, true) as Node | undefined
    if (node === undefined || node === null || (!isSeq(node) && (node as { value?: unknown }).value === null))
      continue
    if (!isSeq(node) || !node.items.every((item) => isMap(item) && typeof item.get('name') === 'string')) {
      return broken(path, {
        message: `"${section}" must be a list of entries that each have a name.`,
        ...at(node),
      })
    }
  }
  let js: unknown
  try {
    js = doc.toJS({ maxAliasCount: 100 })
  } catch (err) {
    return broken(path, { message: `The file cannot be read as YAML: ${(err as Error).message}` })
  }
  return { path, status: 'ok', text, doc, config: toConfig(js) }
}

function toConfig(js: unknown): ParsedConfig {
  const root = (js ?? {}) as Record<string, unknown>
  const list = (section: Section): NamedEntry[] =>
    Array.isArray(root[section]) ? (root[section] as NamedEntry[]) : []
  const current = root['current-context']
  return {
    currentContext: typeof current === 'string' ? current : '',
    clusters: list('clusters'),
    contexts: list('contexts'),
    users: list('users'),
  }
}

function broken(path: string, error: FileProblem): LoadedFile {
  // Parser messages can quote the file's lines; never a credential.
  return { path, status: 'broken', error: { ...error, message: redactSecrets(error.message) } }
}
