import { readFile, stat } from 'node:fs/promises'
import * as yaml from 'yaml'
import type { FileProblem, NamedEntry, Section } from './types'
import { redactSecrets } from '../util/redact-secrets'
import { analyseOffThread } from './parse-worker'

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const SECTIONS: readonly Section[] = ['clusters', 'contexts', 'users']

export interface ParsedConfig {
  currentContext: string
  clusters: NamedEntry[]
  contexts: NamedEntry[]
  users: NamedEntry[]
}

export type LoadedFile =
  | { path: string; status: 'ok'; text: string; config: ParsedConfig }
  | { path: string; status: 'broken'; error: FileProblem }

/** What the analysis of one file's text yields; plain data, so a worker thread can send it back. */
export type Analysis = { status: 'ok'; config: ParsedConfig } | { status: 'broken'; error: FileProblem }

/** Files at least this large are parsed on a worker thread: a 5 MB kubeconfig takes seconds to parse. */
const OFF_THREAD_BYTES = 256 * 1024

export async function loadFile(path: string): Promise<LoadedFile> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) return broken(path, { message: `${path} is a folder, not a kubeconfig file.` })
    if (info.size > MAX_FILE_BYTES) {
      return broken(path, {
        message: `${path} is larger than 10 MB; that is not a kubeconfig. It was not loaded.`,
      })
    }
    const text = await readFile(path, 'utf8')
    const analysis =
      text.length >= OFF_THREAD_BYTES
        ? await analyseOffThread(text, analyseKubeconfig)
        : analyseKubeconfig(yaml, text)
    return withPath(path, text, analysis)
  } catch (err) {
    return broken(path, { message: `Cannot read ${path}: ${(err as Error).message}` })
  }
}

/** Parses one file's text; any problem makes the file "broken" (reported, never written). */
export function parseKubeconfig(path: string, text: string): LoadedFile {
  return withPath(path, text, analyseKubeconfig(yaml, text))
}

function withPath(path: string, text: string, analysis: Analysis): LoadedFile {
  return analysis.status === 'ok'
    ? { path, status: 'ok', text, config: analysis.config }
    : broken(path, analysis.error)
}

/**
 * The whole analysis, self-contained (it uses only its arguments) because the worker thread runs this very
 * function's source: keep every helper inside it.
 */
export function analyseKubeconfig(y: typeof yaml, text: string): Analysis {
  const sections = ['clusters', 'contexts', 'users'] as const
  const fail = (message: string, pos: { line?: number; col?: number } = {}): Analysis => ({
    status: 'broken',
    error: { message, ...pos },
  })
  const lineCounter = new y.LineCounter()
  const doc = y.parseDocument(text, { lineCounter, prettyErrors: true })
  const first = doc.errors[0]
  if (first) {
    const pos = first.linePos?.[0]
    return fail(first.message.split('\n')[0] ?? first.message, { line: pos?.line, col: pos?.col })
  }
  const at = (node: yaml.Node | null | undefined): { line?: number; col?: number } =>
    node?.range ? lineCounter.linePos(node.range[0]) : {}
  if (doc.contents !== null && !y.isMap(doc.contents))
    return fail('The file is not a YAML mapping (kubeconfig).', at(doc.contents))
  for (const section of sections) {
    const node = doc.get(section, true) as yaml.Node | undefined
    if (
      node === undefined ||
      node === null ||
      (!y.isSeq(node) && (node as { value?: unknown }).value === null)
    )
      continue
    if (!y.isSeq(node) || !node.items.every((item) => y.isMap(item) && typeof item.get('name') === 'string'))
      return fail(`"${section}" must be a list of entries that each have a name.`, at(node))
  }
  let js: unknown
  try {
    js = doc.toJS({ maxAliasCount: 100 })
  } catch (err) {
    return fail(`The file cannot be read as YAML: ${(err as Error).message}`)
  }
  const root = (js ?? {}) as Record<string, unknown>
  const list = (section: (typeof sections)[number]): NamedEntry[] =>
    Array.isArray(root[section]) ? (root[section] as NamedEntry[]) : []
  const current = root['current-context']
  return {
    status: 'ok',
    config: {
      currentContext: typeof current === 'string' ? current : '',
      clusters: list('clusters'),
      contexts: list('contexts'),
      users: list('users'),
    },
  }
}

function broken(path: string, error: FileProblem): LoadedFile {
  // Parser messages can quote the file's lines; never a credential.
  return { path, status: 'broken', error: { ...error, message: redactSecrets(error.message) } }
}
