import { parse, stringify } from 'yaml'
import { ApiError, type EditConflict, type EditResult, type ManifestRef } from '@shared/contract'
import { kubeCall } from '../errors/policy'
import { diffYaml, editableYaml } from './clean'
import { createResolver, placePath } from './discovery'
import { deepEqual, editConflicts, editableParts, mergePatch, missingIn, pathText } from './edit-patch'
import type { Rest } from './rest'

type Obj = Record<string, unknown>

export interface EditInput extends ManifestRef {
  base: string
  text: string
  force?: boolean
}

async function pathOf(rest: Rest, ref: ManifestRef): Promise<string> {
  const place = await createResolver(rest)(ref.apiVersion, ref.kind)
  return placePath(place, ref.namespace, ref.name)
}

const label = (ref: ManifestRef): string => `${ref.kind.toLowerCase()} "${ref.name}"`

/** The live object as the editor opens it: YAML without managedFields (secrets stay out of the editor). */
export async function openObject(rest: Rest, ref: ManifestRef): Promise<{ yaml: string }> {
  if (ref.kind === 'Secret') {
    throw new ApiError(
      'BadInput',
      'Secrets are not edited as YAML here: their values stay hidden until revealed.',
    )
  }
  const path = await pathOf(rest, ref)
  const live = await kubeCall(`read ${label(ref)}`, () => rest({ method: 'GET', path }))
  return { yaml: editableYaml(live.body) }
}

function parseEdited(text: string): Obj {
  let value: unknown
  try {
    value = parse(text)
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new ApiError('BadInput', `The YAML does not parse: ${msg}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError('BadInput', 'The YAML must be one object (a mapping), as it was opened.')
  }
  return value as Obj
}

const show = (v: unknown): string =>
  v === undefined ? '(not set)' : stringify(v, { lineWidth: 0 }).trimEnd()

/**
 * Saves an edit like `kubectl edit`: a merge patch from the version the person opened to their text, so changes
 * made meanwhile to other fields (a controller's status, labels, a scale elsewhere) are kept and never cause a 409.
 * Only a field both sides changed stops the save, unless `force`. Fields the server did not keep are reported.
 */
export async function saveEdit(rest: Rest, input: EditInput, dryRun: boolean): Promise<EditResult> {
  const base = editableParts(parseEdited(input.base))
  const edited = parseEdited(input.text)
  const meta = (edited.metadata ?? {}) as Obj
  if (edited.kind !== input.kind || meta.name !== input.name) {
    throw new ApiError(
      'BadInput',
      `The kind and name cannot change in an edit (still ${input.kind} "${input.name}").`,
    )
  }
  const path = await pathOf(rest, input)
  const current = (await kubeCall(`read ${label(input)}`, () => rest({ method: 'GET', path }))).body as Obj
  const patch = mergePatch(base, editableParts(edited))
  const statusNote = deepEqual(parseEdited(input.base).status, edited.status)
    ? []
    : ['status: the cluster writes status; changes to it are not saved']
  const before = diffYaml(current)
  if (Object.keys(patch).length === 0) {
    return {
      dryRun,
      outcome: 'unchanged',
      conflicts: [],
      dropped: statusNote,
      warnings: [],
      before,
      after: before,
    }
  }
  const conflicts: EditConflict[] = editConflicts(patch, base, editableParts(current)).map((c) => ({
    path: pathText(c.path),
    base: show(c.base),
    theirs: show(c.theirs),
    yours: show(c.yours),
  }))
  if (conflicts.length > 0 && !input.force) {
    return { dryRun, outcome: 'conflict', conflicts, dropped: [], warnings: [], before, after: before }
  }
  const answer = await kubeCall(`save ${label(input)}`, () =>
    rest({
      method: 'PATCH',
      path,
      query: { fieldManager: 'skiff', fieldValidation: 'Warn', dryRun: dryRun ? 'All' : undefined },
      contentType: 'application/merge-patch+json',
      body: JSON.stringify(patch),
    }),
  )
  const dropped = [...statusNote, ...missingIn(patch, answer.body).map((p) => `${p}: not kept by the server`)]
  return {
    dryRun,
    outcome: 'saved',
    conflicts,
    dropped,
    warnings: answer.warnings,
    before,
    after: diffYaml(answer.body),
  }
}
