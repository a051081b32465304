import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** A small kubeconfig with a comment and an unknown field, as people's real files have. */
export function writeTwoContextKubeconfig(file: string): string {
  const text = `# my clusters — keep this comment
apiVersion: v1
kind: Config
current-context: alpha
x-custom-field: keep-me
clusters:
- name: alpha-cluster
  cluster:
    server: https://127.0.0.1:6443
- name: beta-cluster
  cluster:
    server: https://127.0.0.1:7443
users:
- name: alpha-user
  user:
    token: alpha-token
- name: beta-user
  user:
    token: beta-token
contexts:
- name: alpha
  context:
    cluster: alpha-cluster
    user: alpha-user
- name: beta
  context:
    cluster: beta-cluster
    user: beta-user
    namespace: team-b
`
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text, { mode: 0o600 })
  return text
}

/** Runs the real kubectl against the given kubeconfig only. */
export function kubectl(env: NodeJS.ProcessEnv, args: string[]): string {
  return execFileSync('kubectl', args, { env, encoding: 'utf8' }).trim()
}
