// Helpers shared by this folder's tests: temp folders and the real kubectl with its own config and cache.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

export const KUBECTL = '/usr/bin/kubectl'

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

/** Runs kubectl with only the given kubeconfig list; fails loudly when kubectl is missing. */
export async function kubectl(dir: string, files: string[], args: string[]): Promise<string> {
  if (!existsSync(KUBECTL)) throw new Error(`kubectl is required for this test but ${KUBECTL} is missing`)
  const { stdout } = await promisify(execFile)(KUBECTL, args, {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: path.join(dir, 'home'),
      KUBECONFIG: files.join(path.delimiter),
      KUBECACHEDIR: path.join(dir, 'kube-cache'),
    },
    timeout: 15_000,
  })
  return stdout
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
