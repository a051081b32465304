// Kubeconfig test support: a temp home with files in it, and kubectl reading exactly a given file list.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { kubectlWith } from './kubectl'

export interface TempHome {
  dir: string
  home: string
  backups: string
  write(name: string, content: string, mode?: number): Promise<string>
  cleanup(): Promise<void>
}

export async function makeTempHome(): Promise<TempHome> {
  const dir = await mkdtemp(path.join(tmpdir(), 'skiff-kubeconfig-'))
  return {
    dir,
    home: path.join(dir, 'home'),
    backups: path.join(dir, 'backups'),
    async write(name, content, mode = 0o600) {
      const file = path.join(dir, name)
      await writeFile(file, content, { mode })
      return file
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Runs kubectl with only the given kubeconfig list (cache and home inside `dir`); fails on a non-zero exit. */
export function kubectl(dir: string, files: string[], args: string[]): Promise<string> {
  return kubectlWith(dir, files).out(args)
}

export const twoContexts = (prefix: string, current: string | null): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${prefix}-cluster`,
    '  cluster:',
    `    server: https://127.0.0.1:1${prefix.length}`,
    'contexts:',
    `- name: ${prefix}-a`,
    '  context:',
    `    cluster: ${prefix}-cluster`,
    `    user: ${prefix}-user`,
    `- name: ${prefix}-b`,
    '  context:',
    `    cluster: ${prefix}-cluster`,
    `    user: ${prefix}-user`,
    '    namespace: team',
    ...(current === null ? [] : [`current-context: ${current}`]),
    'users:',
    `- name: ${prefix}-user`,
    '  user:',
    '    token: secret',
    '',
  ].join('\n')
