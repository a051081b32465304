import type { KubeConfig } from '@kubernetes/client-node'
import {
  ApiError,
  type ActivityEntry,
  type EditResult,
  type ManifestRef,
  type ManifestResult,
} from '@shared/contract'
import { kubeCall } from '../errors/policy'
import { createActivityLog, type ActivityLog } from './activity'
import { applyManifest } from './apply'
import { openObject, saveEdit, type EditInput } from './edit'
import { createRest } from './rest'

export interface ManifestDeps {
  getKubeConfig: (context?: string) => Promise<KubeConfig>
  activity?: ActivityLog
}

export interface ApplyRequest {
  context?: string
  text: string
  namespace?: string
  force?: boolean
}

export interface ManifestService {
  preview(input: ApplyRequest): Promise<ManifestResult>
  apply(input: ApplyRequest): Promise<ManifestResult>
  open(ref: ManifestRef): Promise<{ yaml: string }>
  previewEdit(input: EditInput): Promise<EditResult>
  saveEdit(input: EditInput): Promise<EditResult>
  schema(input: { context?: string; apiVersion: string }): Promise<{ document: unknown }>
  activity(): { entries: ActivityEntry[] }
}

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
}

/** Create/apply and edit of manifests, recording every write in the session's activity log. */
export function createManifestService(deps: ManifestDeps): ManifestService {
  const log = deps.activity ?? createActivityLog()
  const restFor = async (context?: string): Promise<{ rest: ReturnType<typeof createRest>; ns: string }> => {
    const kc = await deps.getKubeConfig(context)
    const ns = kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default'
    return { rest: createRest(kc), ns }
  }
  const run = async (input: ApplyRequest, dryRun: boolean): Promise<ManifestResult> => {
    const { rest, ns } = await restFor(input.context)
    const text = input.text
    if (!text.trim()) throw new ApiError('BadInput', 'The manifest is empty: paste or open some YAML first.')
    return applyManifest(rest, {
      text,
      namespace: input.namespace ?? ns,
      dryRun,
      force: input.force === true,
    })
  }
  const editRest = async (ref: ManifestRef): Promise<ReturnType<typeof createRest>> =>
    (await restFor(ref.context)).rest
  return {
    preview: (input) => run(input, true),
    async apply(input) {
      const result = await run(input, false)
      const counts: Record<string, number> = {}
      for (const d of result.documents) counts[d.outcome] = (counts[d.outcome] ?? 0) + 1
      log.record({
        action: 'apply',
        context: input.context,
        objects: result.documents.map((d) => ({
          kind: d.kind,
          namespace: d.namespace,
          name: d.name,
          outcome: d.outcome,
        })),
        summary: summary(counts) || 'nothing to apply',
        ok: result.documents.every((d) => d.outcome !== 'failed' && d.outcome !== 'conflict'),
      })
      return result
    },
    open: async (ref) => openObject(await editRest(ref), ref),
    previewEdit: async (input) => saveEdit(await editRest(input), input, true),
    async saveEdit(input) {
      const object = { kind: input.kind, namespace: input.namespace, name: input.name }
      try {
        const result = await saveEdit(await editRest(input), input, false)
        const words = { saved: 'saved', unchanged: 'no changes', conflict: 'stopped: changed meanwhile' }
        const extra = result.dropped.length ? ` (${result.dropped.length} field(s) not kept)` : ''
        log.record({
          action: 'edit',
          context: input.context,
          objects: [{ ...object, outcome: result.outcome }],
          summary: words[result.outcome] + extra,
          ok: result.outcome !== 'conflict',
        })
        return result
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        log.record({
          action: 'edit',
          context: input.context,
          objects: [{ ...object, outcome: 'failed' }],
          summary: message,
          ok: false,
        })
        throw err
      }
    },
    async schema(input) {
      const { rest } = await restFor(input.context)
      const answer = await kubeCall(`read the cluster's schema for ${input.apiVersion}`, () =>
        rest({
          method: 'GET',
          path: `/openapi/v3/${input.apiVersion.includes('/') ? 'apis' : 'api'}/${input.apiVersion}`,
        }),
      )
      return { document: answer.body }
    },
    activity: () => ({ entries: log.list() }),
  }
}
