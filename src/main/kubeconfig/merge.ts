import type { LoadedFile } from './load-file'
import type { ContextInfo, FileStatus, KubeconfigList, NamedEntry, Section } from './types'

export interface Located {
  entry: NamedEntry
  file: string
}

export interface MergedConfig extends KubeconfigList {
  /** Winning entry per name for each section (kubectl: the first file that defines a name wins). */
  entries: Record<Section, Map<string, Located>>
}

/** Merges loaded files with kubectl's precedence; broken files contribute nothing but their status. */
export function mergeFiles(files: readonly LoadedFile[]): MergedConfig {
  const entries: Record<Section, Map<string, Located>> = {
    clusters: new Map(),
    contexts: new Map(),
    users: new Map(),
  }
  let currentContext = ''
  let currentContextFile = ''
  const statuses: FileStatus[] = []
  for (const file of files) {
    if (file.status === 'broken') {
      statuses.push({ path: file.path, status: 'broken', error: file.error })
      continue
    }
    statuses.push({ path: file.path, status: 'ok' })
    for (const section of ['clusters', 'contexts', 'users'] as const) {
      for (const entry of file.config[section]) {
        if (!entries[section].has(entry.name)) entries[section].set(entry.name, { entry, file: file.path })
      }
    }
    if (currentContext === '' && file.config.currentContext !== '') {
      currentContext = file.config.currentContext
      currentContextFile = file.path
    }
  }
  const contexts = [...entries.contexts.values()].map(({ entry, file }) =>
    describeContext(entry, file, entries.clusters, currentContext),
  )
  return { contexts, currentContext, currentContextFile, files: statuses, entries }
}

function describeContext(
  entry: NamedEntry,
  file: string,
  clusters: Map<string, Located>,
  currentContext: string,
): ContextInfo {
  const body = record(entry.context)
  const cluster = text(body.cluster)
  return {
    name: entry.name,
    cluster,
    server: text(record(clusters.get(cluster)?.entry.cluster).server),
    user: text(body.user),
    namespace: text(body.namespace),
    file,
    isCurrent: entry.name === currentContext,
  }
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
