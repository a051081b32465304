import { z } from 'zod'
import { method } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'

/** Manifests are text a person pasted or opened; the dispatcher's 1 MB cap bounds them anyway. */
const MANIFEST_MAX_CHARS = 900_000

const apiVersion = z
  .string()
  .min(1)
  .max(317)
  .regex(/^([a-z0-9.-]+\/)?v[0-9a-z]+$/, 'must look like "v1" or "apps/v1"')
const kind = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kind such as "Deployment"')

/** Any object of any kind (CRDs included), named the way manifests name it. */
export const manifestRef = z.strictObject({
  context: contextName.optional(),
  apiVersion,
  kind,
  namespace: dns1123Label.optional(),
  name: dns1123Subdomain,
})
export type ManifestRef = z.input<typeof manifestRef>

/** In a preview: created = new, configured = changed. */
export type DocumentOutcome = 'created' | 'configured' | 'unchanged' | 'failed' | 'conflict'

/** A field another manager owns, as the API server's 409 names it; `line` is in the whole text (1-based). */
export interface FieldConflict {
  field: string
  manager: string
  line?: number
}

export interface DocumentResult {
  /** 0-based position of the document in the text. */
  index: number
  /** First line of the document in the whole text (1-based). */
  startLine: number
  apiVersion?: string
  kind?: string
  namespace?: string
  name?: string
  outcome: DocumentOutcome
  /** The server's (or the parser's) own words for a failure. */
  message?: string
  /** The line the message is about, in the whole text (1-based). */
  line?: number
  conflicts?: FieldConflict[]
  /** The API server's Warning headers. */
  warnings?: string[]
  /** The live object and the result, as YAML without server noise, for the diff. */
  before?: string
  after?: string
}

export interface ManifestResult {
  dryRun: boolean
  documents: DocumentResult[]
}

/** A field both you and someone else changed since you opened the object. */
export interface EditConflict {
  path: string
  base: string
  theirs: string
  yours: string
}

export interface EditResult {
  dryRun: boolean
  outcome: 'saved' | 'unchanged' | 'conflict'
  conflicts: EditConflict[]
  /** Fields you wrote that the server did not keep (unknown or pruned), and its Warning headers. */
  dropped: string[]
  warnings: string[]
  /** The live object before and after (or as it would be after, in a preview). */
  before: string
  after: string
}

/** One apply or edit, as the session's activity log keeps it. */
export interface ActivityEntry {
  id: number
  at: string
  action: 'apply' | 'edit'
  context?: string
  objects: { kind?: string; namespace?: string; name?: string; outcome: string }[]
  /** One line: "2 created, 1 unchanged" or the failure. */
  summary: string
  ok: boolean
}

const manifestText = z.string().max(MANIFEST_MAX_CHARS, 'the manifest is too large')
const applyInput = z.strictObject({
  context: contextName.optional(),
  text: manifestText,
  /** For documents without metadata.namespace; absent = the context's namespace, else "default". */
  namespace: dns1123Label.optional(),
  /** Take ownership of fields another manager holds. */
  force: z.boolean().optional(),
})
const editInput = manifestRef.extend({
  /** The YAML as opened (manifests.open), the base of the patch. */
  base: manifestText,
  text: manifestText,
  /** Save even where someone else changed the same field (yours wins). */
  force: z.boolean().optional(),
})

export const manifestMethods = {
  'manifests.preview': method<ManifestResult>()(applyInput),
  'manifests.apply': method<ManifestResult>()(applyInput),
  'manifests.open': method<{ yaml: string }>()(manifestRef),
  'manifests.previewEdit': method<EditResult>()(editInput),
  'manifests.saveEdit': method<EditResult>()(editInput),
  /** The cluster's OpenAPI v3 document for one group-version (`v1`, `apps/v1`), for the editor's schema help. */
  'manifests.schema': method<{ document: unknown }>()(
    z.strictObject({ context: contextName.optional(), apiVersion }),
  ),
  'activity.list': method<{ entries: ActivityEntry[] }>()(z.strictObject({})),
}

export const manifestStreams = {}
