import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ApiError, type ApiErrorCode, type ContextsState } from '@shared/contract'
import type { MethodHandlers, StreamHandlers } from '../transport/dispatch'
import { isKubeconfigError, type KubeconfigErrorCode } from '../kubeconfig/errors'
import { resolveKubeconfigPaths } from '../kubeconfig/paths'
import type { KubeconfigService } from '../kubeconfig/service'
import { onChangeStream } from '../util/on-change-stream'
import type { ExecApprovals } from '../kubeconfig/exec-approvals'
import { importExecGate } from './exec-plugins'

type ContextMethods = Pick<
  MethodHandlers,
  | 'contexts.list'
  | 'contexts.use'
  | 'contexts.setNamespace'
  | 'contexts.rename'
  | 'contexts.delete'
  | 'contexts.import'
  | 'contexts.backups'
  | 'contexts.restore'
>

export interface ContextHandlerDeps {
  kubeconfig: KubeconfigService
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  /** For the short-lived copy of an imported file's text. */
  tmpDir: string
  /** Exec-plugin commands the person allowed; an import that brings new ones must be allowed. */
  execApprovals: ExecApprovals
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
      'contexts.import': ({ content, targetFile, renames, allowExec }) =>
        change(async () => {
          const exec = importExecGate(content, allowExec, deps.execApprovals)
          // Imports may only land in a file kubectl itself would read: never an arbitrary path.
          const target = resolve(targetFile)
          if (!candidates().includes(target)) {
            throw new ApiError('BadInput', `${targetFile} is not one of your kubeconfig files.`)
          }
          const dir = await mkdtemp(join(deps.tmpDir, 'skiff-import-'))
          const source = join(dir, 'import.yaml')
          try {
            await writeFile(source, content, { mode: 0o600 })
            await svc.import(source, target, renames)
            await exec.remember()
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
          })),
        ),
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
