import type { EditOp } from './edit-ops'
import { KubeconfigError } from './errors'
import type { LoadedFile, ParsedConfig } from './load-file'
import type { MergedConfig } from './merge'
import type { ImportPreview, NamedEntry, Section } from './types'
import { validateName, validateNamespace } from './validate'

/** What to write where; each step is one file, written under its own lock. */
export interface PlanStep {
  file: string
  ops: EditOp[]
  create?: boolean
}

export interface Renames {
  contexts?: Record<string, string>
  clusters?: Record<string, string>
  users?: Record<string, string>
}

type Okay = Extract<LoadedFile, { status: 'ok' }>
const okFiles = (files: readonly LoadedFile[]): Okay[] => files.filter((f): f is Okay => f.status === 'ok')

function contextFile(merged: MergedConfig, name: string): string {
  const found = merged.entries.contexts.get(name)
  if (!found) throw new KubeconfigError('NotFound', `There is no context named "${name}". Refresh the list.`)
  return found.file
}

/**
 * kubectl: current-context goes to the first file that sets it, else the first file. A broken file earlier in
 * the list might be the one that sets it, so that case is refused rather than guessed.
 */
function currentContextTarget(files: readonly LoadedFile[]): string {
  for (const file of files) {
    if (file.status === 'broken') {
      throw new KubeconfigError(
        'Broken',
        `${file.path} cannot be parsed (${file.error.message}), so Skiff cannot tell which file holds the current ` +
          'context. Fix that file first.',
        { file: file.path },
      )
    }
    if (file.config.currentContext !== '') return file.path
  }
  const first = files[0]
  if (!first) throw new KubeconfigError('NotFound', 'No kubeconfig file to write the current context to.')
  return first.path
}

function group(steps: PlanStep[]): PlanStep[] {
  const byFile = new Map<string, PlanStep>()
  for (const step of steps) {
    const seen = byFile.get(step.file)
    if (seen) seen.ops.push(...step.ops)
    else byFile.set(step.file, { ...step, ops: [...step.ops] })
  }
  return [...byFile.values()]
}

export function planUse(merged: MergedConfig, files: readonly LoadedFile[], name: string): PlanStep[] {
  contextFile(merged, name)
  return [{ file: currentContextTarget(files), ops: [{ op: 'setCurrentContext', name }] }]
}

export function planNamespace(merged: MergedConfig, name: string, namespace: string): PlanStep[] {
  const value = validateNamespace(namespace) || null
  const ops: EditOp[] = [{ op: 'setField', section: 'contexts', name, path: ['context', 'namespace'], value }]
  return [{ file: contextFile(merged, name), ops }]
}

export function planRename(
  merged: MergedConfig,
  files: readonly LoadedFile[],
  from: string,
  to: string,
): PlanStep[] {
  validateName('context', to)
  const file = contextFile(merged, from)
  if (from === to) return []
  if (merged.entries.contexts.has(to)) {
    throw new KubeconfigError('Conflict', `A context named "${to}" already exists. Pick another name.`, {
      names: [to],
    })
  }
  const steps: PlanStep[] = [
    { file, ops: [{ op: 'setField', section: 'contexts', name: from, path: ['name'], value: to }] },
  ]
  if (merged.currentContext === from) {
    steps.push({ file: currentContextTarget(files), ops: [{ op: 'setCurrentContext', name: to }] })
  }
  return group(steps)
}

export function planDelete(
  merged: MergedConfig,
  files: readonly LoadedFile[],
  name: string,
  withClusterAndUser: boolean,
): PlanStep[] {
  const file = contextFile(merged, name)
  const steps: PlanStep[] = [{ file, ops: [{ op: 'removeEntry', section: 'contexts', name }] }]
  if (!withClusterAndUser) return steps
  const ctx = merged.contexts.find((c) => c.name === name)
  // "Used elsewhere" counts every context in every readable file, shadowed ones included.
  const others = okFiles(files).flatMap((f) =>
    f.config.contexts.filter((c) => !(f.path === file && c.name === name)),
  )
  const uses = (key: 'cluster' | 'user', value: string): boolean =>
    others.some((c) => (c.context as Record<string, unknown> | undefined)?.[key] === value)
  for (const [section, key, value] of [
    ['clusters', 'cluster', ctx?.cluster ?? ''],
    ['users', 'user', ctx?.user ?? ''],
  ] as const) {
    const owner = merged.entries[section].get(value)
    if (value && owner && !uses(key, value)) {
      steps.push({ file: owner.file, ops: [{ op: 'removeEntry', section, name: value }] })
    }
  }
  return group(steps)
}

/** Merges another kubeconfig's entries into `target`, refusing clashes that `renames` does not resolve. */
export function planImport(
  files: readonly LoadedFile[],
  source: ParsedConfig,
  target: string,
  targetExists: boolean,
  renames: Renames = {},
): PlanStep[] {
  const taken = (section: Section): Set<string> =>
    new Set(okFiles(files).flatMap((f) => f.config[section].map((e) => e.name)))
  const newName = (section: Section, name: string): string => renameOf(renames[section], name)
  const clashes: Array<{ section: Section; name: string }> = []
  const ops: EditOp[] = []
  for (const section of ['clusters', 'users', 'contexts'] as const) {
    const existing = taken(section)
    const seen = new Set<string>()
    for (const entry of source[section]) {
      const name = validateName(
        section === 'clusters' ? 'cluster' : section === 'users' ? 'user' : 'context',
        newName(section, entry.name),
      )
      if (existing.has(name) || seen.has(name)) clashes.push({ section, name })
      seen.add(name)
      ops.push({ op: 'putEntry', section, entry: renamed(section, entry, name, renames) })
    }
  }
  if (clashes.length > 0) {
    const list = clashes.map((c) => `${c.section.slice(0, -1)} "${c.name}"`).join(', ')
    throw new KubeconfigError(
      'Conflict',
      `These names already exist: ${list}. Give them new names to import.`,
      {
        clashes,
      },
    )
  }
  return ops.length === 0 ? [] : [{ file: target, ops, create: !targetExists }]
}

/** Every name `source` brings, per section, marked when one of `files` already has it. */
export function importPreview(files: readonly LoadedFile[], source: ParsedConfig): ImportPreview {
  const names = (section: Section): ImportPreview[Section] => {
    const taken = new Set(okFiles(files).flatMap((f) => f.config[section].map((e) => e.name)))
    return source[section].map((e) => ({ name: e.name, taken: taken.has(e.name) }))
  }
  return { contexts: names('contexts'), clusters: names('clusters'), users: names('users') }
}

/** Own keys only: an entry named "constructor" must not pick up Object.prototype.constructor. */
function renameOf(map: Record<string, string> | undefined, name: string): string {
  return map && Object.hasOwn(map, name) ? (map[name] ?? name) : name
}

function renamed(section: Section, entry: NamedEntry, name: string, renames: Renames): NamedEntry {
  if (section !== 'contexts') return { ...entry, name }
  const body = { ...((entry.context ?? {}) as Record<string, unknown>) }
  if (typeof body.cluster === 'string') body.cluster = renameOf(renames.clusters, body.cluster)
  if (typeof body.user === 'string') body.user = renameOf(renames.users, body.user)
  return { ...entry, name, context: body }
}
