import type { DocumentOutcome, DocumentResult, ManifestResult } from '@shared/contract'
import { statusMessage, toApiError } from '../errors/policy'
import { KubeHttpError } from '../kube/kube-request'
import { diffYaml } from './clean'
import { fieldConflicts } from './conflicts'
import { createResolver, placePath } from './discovery'
import { fieldsInMessage, lineOfField } from './locate'
import type { Rest } from './rest'
import { splitDocuments, type ManifestDocument } from './split'
import type { LineCounter } from 'yaml'

export interface ApplyOptions {
  text: string
  /** For documents without metadata.namespace. */
  namespace: string
  dryRun: boolean
  force: boolean
}

type Obj = Record<string, unknown>
const FIELD_MANAGER = 'skiff'

/**
 * `kubectl apply --server-side` for every document: a server-side apply (dry-run for a preview) with
 * fieldManager=skiff and Strict field validation, each document reported on its own with the live object and the
 * result for a diff. One document failing does not stop the others, as with kubectl.
 */
export async function applyManifest(rest: Rest, opts: ApplyOptions): Promise<ManifestResult> {
  const { documents, lines } = splitDocuments(opts.text)
  const resolve = createResolver(rest)
  const results: DocumentResult[] = []
  // A dry run creates nothing, so objects in a namespace this same manifest creates cannot be checked yet.
  const newNamespaces = new Set<string>()
  for (const d of documents) {
    const result = await applyOne(rest, resolve, d, lines, opts)
    if (result.kind === 'Namespace' && result.outcome === 'created' && result.name)
      newNamespaces.add(result.name)
    const waits =
      opts.dryRun && result.outcome === 'failed' && result.namespace && newNamespaces.has(result.namespace)
    results.push(waits && d.object ? inNewNamespace(result, d.object) : result)
  }
  return { dryRun: opts.dryRun, documents: results }
}

async function applyOne(
  rest: Rest,
  resolve: ReturnType<typeof createResolver>,
  d: ManifestDocument,
  lines: LineCounter,
  opts: ApplyOptions,
): Promise<DocumentResult> {
  const base: DocumentResult = { index: d.index, startLine: d.startLine, outcome: 'failed' }
  if (d.error || !d.object) return { ...base, message: d.error?.message, line: d.error?.line ?? d.startLine }
  const obj = d.object
  const meta = (obj.metadata ?? {}) as Obj
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined
  const name = typeof meta.name === 'string' ? meta.name : undefined
  const named = { ...base, apiVersion, kind, name }
  const missing = !apiVersion ? 'apiVersion' : !kind ? 'kind' : !name ? 'metadata.name' : undefined
  if (missing) {
    const line = lineOfField(d.doc, lines, missing, d.startLine)
    return { ...named, message: `This document has no ${missing}.`, line }
  }
  try {
    const place = await resolve(apiVersion as string, kind as string)
    const namespace = place.namespaced
      ? typeof meta.namespace === 'string'
        ? meta.namespace
        : opts.namespace
      : undefined
    const path = placePath(place, namespace, name)
    const live = await rest({ method: 'GET', path }).then(
      (a) => a.body as Obj,
      (err: unknown) => {
        if (err instanceof KubeHttpError && err.statusCode === 404) return undefined
        throw err
      },
    )
    const body = place.namespaced ? { ...obj, metadata: { ...meta, namespace } } : obj
    const answer = await rest({
      method: 'PATCH',
      path,
      query: {
        fieldManager: FIELD_MANAGER,
        fieldValidation: 'Strict',
        force: opts.force || undefined,
        dryRun: opts.dryRun ? 'All' : undefined,
      },
      contentType: 'application/apply-patch+yaml',
      body: JSON.stringify(body),
    })
    const result = answer.body as Obj
    const before = diffYaml(live)
    const after = diffYaml(result)
    return {
      ...named,
      namespace,
      outcome: outcomeOf(live, result, before, after),
      warnings: answer.warnings.length ? answer.warnings : undefined,
      before,
      after,
    }
  } catch (err) {
    // The kind may be unknown here (discovery failed), so only a namespace the document names is shown.
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined
    return failed(err, { ...named, namespace }, d, lines)
  }
}

function inNewNamespace(result: DocumentResult, obj: Obj): DocumentResult {
  const note = `Namespace "${result.namespace}" is created by this manifest; the server checks this object on apply.`
  const meta = { ...((obj.metadata ?? {}) as Obj), namespace: result.namespace }
  return {
    ...result,
    outcome: 'created',
    message: undefined,
    line: undefined,
    warnings: [note],
    before: '',
    after: diffYaml({ ...obj, metadata: meta }),
  }
}

function outcomeOf(live: Obj | undefined, result: Obj, before: string, after: string): DocumentOutcome {
  if (!live) return 'created'
  const rv = (o: Obj): unknown => (o.metadata as Obj | undefined)?.resourceVersion
  if (rv(live) !== undefined && rv(live) === rv(result)) return 'unchanged'
  return before === after ? 'unchanged' : 'configured'
}

function failed(
  err: unknown,
  named: DocumentResult,
  d: ManifestDocument,
  lines: LineCounter,
): DocumentResult {
  if (err instanceof KubeHttpError && err.statusCode === 409) {
    const conflicts = fieldConflicts(err.body).map((c) => ({
      ...c,
      line: lineOfField(d.doc, lines, c.field, d.startLine),
    }))
    if (conflicts.length > 0) {
      return {
        ...named,
        outcome: 'conflict',
        message: statusMessage(err.body),
        conflicts,
        line: conflicts[0]?.line,
      }
    }
  }
  const message =
    err instanceof KubeHttpError
      ? (statusMessage(err.body) ?? toApiError(err).message)
      : toApiError(err).message
  const [field] = fieldsInMessage(message)
  const line = field ? lineOfField(d.doc, lines, field, d.startLine) : d.startLine
  return { ...named, outcome: 'failed', message, line }
}
