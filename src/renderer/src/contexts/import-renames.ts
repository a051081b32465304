import type { ImportPreview, MethodInput } from '@shared/contract'
import { contextName } from '@shared/contract/names'

export type Section = keyof ImportPreview
export type Typed = Record<Section, Record<string, string>>
type Renames = NonNullable<MethodInput<'contexts.import'>['renames']>

const sections: Section[] = ['contexts', 'clusters', 'users']

/** A name offered for a clashing entry: `<name>-2`, `-3`… whichever is free. */
export function suggestName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) if (!taken.has(`${name}-${n}`)) return `${name}-${n}`
}

/** The first suggestion for every clashing name, per section. */
export function initialNames(preview: ImportPreview): Typed {
  const typed: Typed = { contexts: {}, clusters: {}, users: {} }
  for (const section of sections) {
    const taken = new Set(preview[section].map((e) => e.name))
    for (const e of preview[section]) if (e.taken) typed[section][e.name] = suggestName(e.name, taken)
  }
  return typed
}

/**
 * The renames to send, or what is wrong with the typed names: each must be a valid name, differ from every
 * name already taken, and not repeat another new name of the same section.
 */
export function renamesFrom(
  preview: ImportPreview,
  typed: Typed,
  /** Names known to exist in the kubeconfig beyond the clashes (the renderer knows the contexts). */
  existing: Partial<Record<Section, readonly string[]>> = {},
): { renames: Renames; problems: Record<string, string> } {
  const renames: Renames = {}
  const problems: Record<string, string> = {}
  for (const section of sections) {
    const clashing = preview[section].filter((e) => e.taken)
    if (clashing.length === 0) continue
    const taken = new Set([...clashing.map((e) => e.name), ...(existing[section] ?? [])])
    const unchanged = new Set(preview[section].filter((e) => !e.taken).map((e) => e.name))
    const used = new Set<string>()
    const map: Record<string, string> = {}
    for (const e of clashing) {
      const to = (typed[section][e.name] ?? '').trim()
      const key = `${section}/${e.name}`
      const valid = contextName.safeParse(to)
      if (!valid.success) problems[key] = `The new name ${valid.error.issues[0]?.message ?? 'is invalid'}.`
      else if (taken.has(to)) problems[key] = `“${to}” is taken too.`
      else if (unchanged.has(to) || used.has(to)) problems[key] = `“${to}” is already used by this import.`
      used.add(to)
      map[e.name] = to
    }
    renames[section] = map
  }
  return { renames, problems }
}
