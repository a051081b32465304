import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ApiError, type ContextsState } from '@shared/contract'
import type { contextMethods, contextStreams } from '@shared/contract/contexts'
import { resolveKubeconfigPaths } from '../kubeconfig/paths'
import type { KubeconfigService } from '../kubeconfig/service'
import { onChangeStream } from '../util/on-change-stream'
import type { ExecApprovals } from '../kubeconfig/exec-approvals'
import type { ConcernHandlers } from './concern'
import { createExecPluginHandlers, importExecGate } from './exec-plugins'

export interface ContextHandlerDeps {
  kubeconfig: KubeconfigService
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  /** For the short-lived copy of an imported file's text. */
  tmpDir: string
  /** Exec-plugin commands the person allowed; an import that brings new ones must be allowed. */
  execApprovals: ExecApprovals
}

export function createContextHandlers(
  deps: ContextHandlerDeps,
): ConcernHandlers<typeof contextMethods, typeof contextStreams> {
  const svc = deps.kubeconfig
  const candidates = (): string[] =>
    resolveKubeconfigPaths({ env: deps.env, homedir: deps.homedir }).candidates

  // Imports may only land in a file kubectl itself would read: never an arbitrary path.
  const importTarget = (targetFile: string): string => {
    const target = resolve(targetFile)
    if (!candidates().includes(target)) {
      throw new ApiError('BadInput', `${targetFile} is not one of your kubeconfig files.`)
    }
    return target
  }

  const state = async (): Promise<ContextsState> => {
    const list = await svc.list()
    return {
      contexts: list.contexts,
      currentContext: list.currentContext,
      files: list.files,
      candidates: candidates(),
    }
  }
  const change = (work: () => Promise<void>): Promise<ContextsState> => work().then(state)

  return {
    methods: {
      ...createExecPluginHandlers({ env: deps.env, approvals: deps.execApprovals }),
      'contexts.list': state,
      'contexts.use': ({ name }) => change(() => svc.use(name)),
      'contexts.setNamespace': ({ name, namespace }) => change(() => svc.setNamespace(name, namespace)),
      'contexts.rename': ({ from, to }) => change(() => svc.rename(from, to)),
      'contexts.delete': ({ name, withClusterAndUser }) =>
        change(() => svc.delete(name, { withClusterAndUser })),
      'contexts.importPreview': async ({ content, targetFile }) =>
        svc.previewImport(content, importTarget(targetFile)),
      'contexts.import': ({ content, targetFile, renames, sourceName, allowExec }) =>
        change(async () => {
          const exec = importExecGate(content, allowExec, deps.execApprovals)
          const target = importTarget(targetFile)
          const dir = await mkdtemp(join(deps.tmpDir, 'skiff-import-'))
          const source = join(dir, 'import.yaml')
          try {
            await writeFile(source, content, { mode: 0o600 })
            await svc.import(source, target, renames, sourceName)
            await exec.remember()
          } finally {
            await rm(dir, { recursive: true, force: true })
          }
        }),
      'contexts.backups': async () =>
        (await svc.listBackups()).map((b) => ({
          id: b.id,
          file: b.file,
          createdAt: b.createdAt.toISOString(),
          size: b.size,
          ...(b.reason ? { reason: b.reason } : {}),
        })),
      'contexts.compareBackup': ({ id }) => svc.compareBackup(id),
      'contexts.restore': ({ id }) => change(() => svc.restoreBackup(id)),
    },
    streams: {
      'contexts.watch': (_input, signal) => onChangeStream((cb) => svc.watch(cb), state, signal),
    },
  }
}
