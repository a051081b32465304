import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { AtomicWriteOps } from './atomic-write'
import { createBackupStore } from './backups'
import { applyEdits } from './edit-ops'
import { displayPath, isKubeconfigError, KubeconfigError } from './errors'
import { loadFile, parseKubeconfig } from './load-file'
import { maskSecretsAlike } from '../util/redact-secrets'
import type { LoadedFile } from './load-file'
import type { LockOptions } from './lock'
import { mergeFiles } from './merge'
import type { MergedConfig } from './merge'
import { resolveKubeconfigPaths } from './paths'
import { importPreview, planDelete, planImport, planNamespace, planRename, planUse } from './plan'
import type { PlanStep, Renames } from './plan'
import { safeEdit } from './safe-write'
import { createStampedCache } from './stamped-cache'
import type { SafeWriteDeps } from './safe-write'
import type { BackupComparison, BackupInfo, ImportPreview, KubeconfigList } from './types'
import { watchFiles } from './watch'

export interface KubeconfigServiceOptions {
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  /** Where previous versions are kept, e.g. `<app data>/kubeconfig-backups`. */
  backupDir: string
  lock?: LockOptions
  atomicOps?: AtomicWriteOps
  debounceMs?: number
  /** Reads one file for planning; node:fs by default (tests hand in a stale reader). */
  loadFile?: (file: string) => Promise<LoadedFile>
}

export interface KubeconfigService {
  list(): Promise<KubeconfigList>
  use(name: string): Promise<void>
  setNamespace(name: string, namespace: string): Promise<void>
  rename(oldName: string, newName: string): Promise<void>
  delete(name: string, options?: { withClusterAndUser?: boolean }): Promise<void>
  /** `sourceName` (the picked file's name) only labels the backup. */
  import(sourceFile: string, targetFile: string, renames?: Renames, sourceName?: string): Promise<void>
  /** The names importing `content` into `targetFile` would add, and which are already taken. */
  previewImport(content: string, targetFile: string): Promise<ImportPreview>
  listBackups(): Promise<BackupInfo[]>
  restoreBackup(id: string): Promise<void>
  /** A backup beside the file it would replace, secrets masked alike in both, for a diff before restoring. */
  compareBackup(id: string): Promise<BackupComparison>
  /** Calls `onChange` (debounced) after any kubeconfig file changes; returns the unsubscribe function. */
  watch(onChange: () => void): () => void
}

// A write planned on content that changed meanwhile is re-planned on the fresh content this many times.
const ATTEMPTS = 3

export function createKubeconfigService(options: KubeconfigServiceOptions): KubeconfigService {
  const backups = createBackupStore(options.backupDir)
  const deps: SafeWriteDeps = {
    homedir: options.homedir,
    backups,
    lock: options.lock,
    atomicOps: options.atomicOps,
  }
  const paths = (): ReturnType<typeof resolveKubeconfigPaths> =>
    resolveKubeconfigPaths({ env: options.env, homedir: options.homedir })

  // Listing is what every page start and every file change asks for; writes always read afresh (run).
  const listed = createStampedCache<KubeconfigList>()
  async function list(): Promise<KubeconfigList> {
    const { merged } = await load()
    const { contexts, currentContext, currentContextFile, files } = merged
    return { contexts, currentContext, currentContextFile, files }
  }

  async function load(): Promise<{ files: LoadedFile[]; merged: MergedConfig }> {
    const files = await Promise.all(paths().existing.map((file) => (options.loadFile ?? loadFile)(file)))
    return { files, merged: mergeFiles(files) }
  }

  async function run(
    reason: string,
    plan: (files: LoadedFile[], merged: MergedConfig) => PlanStep[],
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { files, merged } = await load()
      const steps = plan(files, merged)
      try {
        await runSteps(steps, files, reason)
        return
      } catch (err) {
        // Only a change seen before anything was written can be safely re-planned.
        const retry =
          isKubeconfigError(err, 'Changed') && err.details.firstStep === true && attempt < ATTEMPTS
        if (!retry) throw err
      }
    }
  }

  async function runSteps(steps: PlanStep[], files: LoadedFile[], reason: string): Promise<void> {
    for (const [index, step] of steps.entries()) {
      const loaded = files.find((f) => f.path === step.file)
      if (loaded?.status === 'broken') throw brokenError(step.file, loaded.error.message)
      const expected = loaded?.status === 'ok' ? loaded.text : undefined
      try {
        await safeEdit(step.file, (text) => applyEdits(text, step.ops).text, deps, {
          expected,
          create: step.create,
          reason,
        })
      } catch (err) {
        if (isKubeconfigError(err, 'Changed') && index === 0) {
          throw new KubeconfigError(err.code, err.message, { ...err.details, firstStep: true })
        }
        if (isKubeconfigError(err) && index > 0) {
          const done = steps.slice(0, index).map((s) => displayPath(s.file, options.homedir))
          throw new KubeconfigError(err.code, `${err.message} (${done.join(', ')} was already updated.)`, {
            ...err.details,
            written: steps.slice(0, index).map((s) => s.file),
          })
        }
        throw err
      }
    }
  }

  function brokenError(file: string, message: string): KubeconfigError {
    return new KubeconfigError(
      'Broken',
      `${displayPath(file, options.homedir)} cannot be parsed (${message}); Skiff never writes to it. Fix it first.`,
      { file },
    )
  }

  return {
    // A reader handed in by tests may answer differently for the same files: never cached.
    list: () => (options.loadFile ? list() : listed(paths().existing, list)),
    use: (name) => run(`Switch to “${name}”`, (files, merged) => planUse(merged, files, name)),
    setNamespace: (name, namespace) =>
      run(
        namespace ? `Set the namespace of “${name}” to “${namespace}”` : `Clear the namespace of “${name}”`,
        (_files, merged) => planNamespace(merged, name, namespace),
      ),
    rename: (oldName, newName) =>
      run(`Rename “${oldName}” to “${newName}”`, (files, merged) =>
        planRename(merged, files, oldName, newName),
      ),
    delete: (name, opts = {}) =>
      run(`Delete “${name}”`, (files, merged) =>
        planDelete(merged, files, name, opts.withClusterAndUser === true),
      ),
    async import(sourceFile, targetFile, renames, reasonSource) {
      const source = await loadFile(path.resolve(sourceFile))
      if (source.status === 'broken') throw brokenError(source.path, source.error.message)
      const target = path.resolve(targetFile)
      const loadedTarget = existsSync(target) ? await loadFile(target) : undefined
      if (loadedTarget?.status === 'broken') throw brokenError(target, loadedTarget.error.message)
      const outside = loadedTarget && !paths().existing.includes(target) ? [loadedTarget] : []
      await run(`Import ${reasonSource ?? 'a kubeconfig'}`, (files) =>
        planImport([...files, ...outside], source.config, target, existsSync(target), renames),
      )
    },
    async previewImport(content, targetFile) {
      const source = parseKubeconfig('the imported file', content)
      if (source.status === 'broken') throw brokenError(source.path, source.error.message)
      const target = path.resolve(targetFile)
      const loadedTarget = existsSync(target) ? await loadFile(target) : undefined
      const files = [...(await load()).files, ...(loadedTarget ? [loadedTarget] : [])]
      return importPreview(files, source.config)
    },
    listBackups: () => backups.list(),
    async restoreBackup(id) {
      const backup = await backups.read(id)
      const taken = (await backups.list()).find((b) => b.id === id)?.createdAt
      await safeEdit(backup.file, () => backup.content, deps, {
        create: true,
        replaceBroken: true,
        reason: `Restore the backup taken ${taken ? shortTime(taken) : id}`,
      })
    },
    async compareBackup(id) {
      const backup = await backups.read(id)
      const current = existsSync(backup.file) ? await readFile(backup.file, 'utf8') : ''
      const [maskedBackup, maskedCurrent] = maskSecretsAlike([backup.content, current])
      return {
        file: backup.file,
        backup: maskedBackup!,
        current: maskedCurrent!,
        currentExists: existsSync(backup.file),
      }
    },
    watch(onChange) {
      return watchFiles(paths().candidates, onChange, { debounceMs: options.debounceMs })
    },
  }
}

/** `2026-11-30 13:22 UTC`: how a restore names the backup it brought back. */
function shortTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
