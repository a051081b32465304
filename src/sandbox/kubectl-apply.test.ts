import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import type { KubectlRunner } from '../../test/support/kubectl'
import { KUBECTL, kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// kubectl's day-one commands without flags: apply (twice), explain, a typo'd manifest, edit, diff.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

const deployment = (replicas: number, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
${extra}        ports: [{containerPort: 80}]
        env: [{name: A, value: "1"}, {name: B, value: "2"}]
`

beforeAll(async () => {
  sb = await startSandbox({ name: 'kapply', speed: 20 })
  k = await kubectlFor(sb)
})
afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl apply', () => {
  it('creates, then says unchanged, then configures only what changed', async () => {
    expect(await ok(['apply', '-f', '-'], deployment(2))).toBe('deployment.apps/web created\n')
    expect(await ok(['apply', '-f', '-'], deployment(2))).toBe('deployment.apps/web unchanged\n')
    const withoutA = deployment(3).replace('{name: A, value: "1"}, ', '')
    expect(await ok(['apply', '-f', '-'], withoutA)).toBe('deployment.apps/web configured\n')
    const env = await ok([
      'get',
      'deploy',
      'web',
      '-o',
      'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].env}',
    ])
    expect(env).toBe('3 [{"name":"B","value":"2"}]')
    expect(await ok(['apply', '-f', '-'], withoutA)).toBe('deployment.apps/web unchanged\n')
  })

  it('refuses a typo with the strict decoding error kube-apiserver gives', async () => {
    const typo = deployment(1).replace('image: nginx', 'imagee: nginx').replace('name: web\n', 'name: typo\n')
    const created = await k.run(['apply', '-f', '-'], { input: typo })
    expect(created.exitCode).toBe(1)
    expect(created.stderr).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
    )
    const patched = await k.run(['apply', '-f', '-'], {
      input: deployment(3).replace('image: nginx', 'imagee: nginx'),
    })
    expect(patched.exitCode).toBe(1)
    expect(patched.stderr).toMatch(
      /The request is invalid: patch: Invalid value: "map\[.*\]": strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.imagee"/,
    )
  })

  it('warns and drops an unknown field with --validate=warn', async () => {
    const extra = deployment(3).replace('  replicas: 3\n', '  replicas: 3\n  colour: blue\n')
    const r = await k.run(['apply', '--validate=warn', '-f', '-'], { input: extra })
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toContain('Warning: unknown field "spec.colour"')
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.colour}'])).toBe('')
  })

  it('switches a Deployment to Recreate (the strategy struct is replaced via $retainKeys)', async () => {
    const recreate = deployment(3).replace('  replicas: 3\n', '  replicas: 3\n  strategy: {type: Recreate}\n')
    await ok(['apply', '-f', '-'], recreate.replace('{name: A, value: "1"}, ', ''))
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.strategy}'])).toBe('{"type":"Recreate"}')
  })
})

describe('kubectl diff and edit', () => {
  it('diff shows only the changed field and exits 1; no change exits 0', async () => {
    const current = deployment(3)
      .replace('{name: A, value: "1"}, ', '')
      .replace('  replicas: 3\n', '  replicas: 3\n  strategy: {type: Recreate}\n')
    const same = await k.run(['diff', '-f', '-'], { input: current })
    expect(same.exitCode, same.stderr).toBe(0)
    const r = await k.run(['diff', '-f', '-'], { input: current.replace('replicas: 3', 'replicas: 5') })
    expect(r.exitCode, r.stderr).toBe(1)
    const changed = r.stdout.split('\n').filter((l) => /^[-+] /.test(l))
    expect(changed).toContain('-  replicas: 3')
    expect(changed).toContain('+  replicas: 5')
    expect(changed.every((l) => /generation|replicas/.test(l))).toBe(true)
    // dryRun=All: nothing was written
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('3')
  })

  it('edit applies what a scripted KUBE_EDITOR changes', async () => {
    const editor = join(k.dir, 'editor.sh')
    await writeFile(editor, '#!/bin/sh\nsed -i "s/replicas: 3/replicas: 4/" "$1"\n')
    await chmod(editor, 0o755)
    const r = await execa(KUBECTL, ['edit', 'deploy', 'web'], {
      env: { KUBECONFIG: k.kubeconfig, KUBECACHEDIR: join(k.dir, 'cache'), HOME: k.dir, KUBE_EDITOR: editor },
      reject: false,
      stdin: 'ignore',
    })
    expect(r.exitCode, String(r.stderr)).toBe(0)
    expect(String(r.stdout)).toBe('deployment.apps/web edited')
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).toBe('4')
  })
})

describe('kubectl explain', () => {
  it('prints the real field docs', async () => {
    const out = await ok(['explain', 'deployment.spec.replicas'])
    expect(out).toMatch(/^FIELD: replicas <integer>$/m)
    expect(out).toContain('Number of desired pods.')
    const spec = await ok(['explain', 'pod.spec.containers'])
    expect(spec).toMatch(/^FIELD: containers <\[\]Container>$/m)
    expect(spec).toMatch(/^ {2}image\t<string>$/m)
    expect(spec).toMatch(/^ {2}name\t<string> -required-$/m)
    const top = await ok(['explain', 'deployment'])
    expect(top).toMatch(
      /^ {2}spec\t<DeploymentSpec>\n {4}Specification of the desired behavior of the Deployment\.$/m,
    )
  })

  it('--recursive walks the whole schema', async () => {
    const out = await ok(['explain', 'deployment', '--recursive'])
    expect(out).toMatch(/^ {6}spec\t<PodSpec>$/m)
    expect(out).toMatch(/^ {8}containers\t<\[\]Container> -required-$/m)
    expect(out).toMatch(/^ {4}strategy\t<DeploymentStrategy>$/m)
  })
})
