import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ApiError, type ApiErrorCode, type ContextsState } from '@shared/contract'
import type { MethodHandlers, StreamHandlers } from '../transport/dispatch'
import { isKubeconfigError, type KubeconfigErrorCode } from '../kubeconfig/errors'
import { resolveKubeconfigPaths } from '../kubeconfig/paths'
import type { KubeconfigService } from '../kubeconfig/service'
import { onChangeStream } from '../util/on-change-stream'

type ContextMethods = Pick<
  MethodHandlers,
  | 'contexts.list'
  | 'contexts.use'
  | 'contexts.setNamespace'
  | 'contexts.rename'
  | 'contexts.delete'
  | 'contexts.import'
  | 'contexts.importPreview'
  | 'contexts.backups'
  | 'contexts.compareBackup'
  | 'contexts.restore'
>

export interface ContextHandlerDeps {
  kubeconfig: KubeconfigService
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  /** For the short-lived copy of an imported file's text. */
  tmpDir: string
}

const codes: Record<KubeconfigErrorCode, ApiErrorCode> = {
  NotFound: 'NotFound',
  Conflict: 'Conflict',
  Broken: 'Unavailable',
  Locked: 'Conflict',
  StaleLock: 'Conflict',
  Changed: 'Conflict',
  Invalid: 'BadInput',
}

/** Kubeconfig failures keep their sentence; only the code is mapped onto the contract's codes. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (isKubeconfigError(err)) throw new ApiError(codes[err.code], err.message)
    throw err
  }
}

export function createContextHandlers(deps: ContextHandlerDeps): {
  methods: ContextMethods
  streams: Pick<StreamHandlers, 'contexts.watch'>
} {
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
  const change = (work: () => Promise<void>): Promise<ContextsState> => mapped(work).then(state)

  return {
    methods: {
      'contexts.list': () => mapped(state),
      'contexts.use': ({ name }) => change(() => svc.use(name)),
      'contexts.setNamespace': ({ name, namespace }) => change(() => svc.setNamespace(name, namespace)),
      'contexts.rename': ({ from, to }) => change(() => svc.rename(from, to)),
      'contexts.delete': ({ name, withClusterAndUser }) =>
        change(() => svc.delete(name, { withClusterAndUser })),
      'contexts.importPreview': ({ content, targetFile }) =>
        mapped(() => svc.previewImport(content, importTarget(targetFile))),
      'contexts.import': ({ content, targetFile, renames, sourceName }) =>
        change(async () => {
          const target = importTarget(targetFile)
          const dir = await mkdtemp(join(deps.tmpDir, 'skiff-import-'))
          const source = join(dir, 'import.yaml')
          try {
            await writeFile(source, content, { mode: 0o600 })
            await svc.import(source, target, renames, sourceName)
          } finally {
            await rm(dir, { recursive: true, force: true })
          }
        }),
      'contexts.backups': () =>
        mapped(async () =>
          (await svc.listBackups()).map((b) => ({
            id: b.id,
            file: b.file,
            createdAt: b.createdAt.toISOString(),
            size: b.size,
            ...(b.reason ? { reason: b.reason } : {}),
          })),
        ),
      'contexts.compareBackup': ({ id }) => mapped(() => svc.compareBackup(id)),
      'contexts.restore': ({ id }) => change(() => svc.restoreBackup(id)),
    },
    streams: {
      'contexts.watch': (_input, signal) =>
        onChangeStream(
          (cb) => svc.watch(cb),
          () => mapped(state),
          signal,
        ),
    },
  }
}
