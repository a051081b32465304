import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import { eventually } from '../../test/support/eventually'
import type { KubectlRunner } from '../../test/support/kubectl'
import { kubectlFor, kubectlSteps } from '../../test/support/kubectl'

// kubectl scale / set image / rollout * / logs against a sandbox whose clock runs 20x faster.
let sb: RunningSandbox
let k: KubectlRunner
const { ok } = kubectlSteps(() => k)

const POD = `apiVersion: v1
kind: Pod
metadata: {name: duo}
spec:
  containers:
  - {name: web, image: nginx:1.27}
  - {name: side, image: busybox-crashloop}
`

beforeAll(async () => {
  sb = await startSandbox({ name: 'krollout', speed: 20 })
  k = await kubectlFor(sb)
  await ok(['create', 'deployment', 'web', '--image=nginx:1.26', '--replicas=2'])
  await ok(['annotate', 'deployment/web', 'kubernetes.io/change-cause=initial'])
  await ok(['apply', '--validate=false', '-f', '-'], POD)
  await ok(['rollout', 'status', 'deployment/web', '--timeout=30s'])
})

afterAll(async () => {
  await k.cleanup()
  await sb.stop()
})

describe('kubectl rollout', () => {
  it('scales, with and without preconditions', async () => {
    expect(await ok(['scale', 'deployment/web', '--replicas=3'])).toBe('deployment.apps/web scaled\n')
    expect(await ok(['scale', 'deployment/web', '--replicas=2', '--current-replicas=3'])).toBe(
      'deployment.apps/web scaled\n',
    )
    const wrong = await k.run(['scale', 'deployment/web', '--replicas=4', '--current-replicas=9'])
    expect(wrong.exitCode).toBe(1)
    expect(wrong.stderr).toContain('Expected replicas to be 9, was 2')
    await eventually(async () =>
      expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.status.readyReplicas}'])).toBe('2'),
    )
  })

  it('set image rolls out a revision that history and status report', async () => {
    expect(await ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.27'])).toBe(
      'deployment.apps/web image updated\n',
    )
    await ok(['annotate', 'deployment/web', 'kubernetes.io/change-cause=upgrade', '--overwrite'])
    expect(await ok(['rollout', 'status', 'deployment/web', '--timeout=30s'])).toContain(
      'deployment "web" successfully rolled out',
    )
    expect(await ok(['rollout', 'history', 'deployment/web'])).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         initial\n2         upgrade\n\n',
    )
    const rev1 = await ok(['rollout', 'history', 'deployment/web', '--revision=1'])
    expect(rev1).toContain('deployment.apps/web with revision #1')
    expect(rev1).toMatch(/Image:\s+nginx:1\.26/)
  })

  it('undo goes back one revision, --to-revision to a given one', async () => {
    expect(await ok(['rollout', 'undo', 'deployment/web'])).toBe('deployment.apps/web rolled back\n')
    await ok(['rollout', 'status', 'deployment/web', '--timeout=30s'])
    expect(await ok(['rollout', 'history', 'deployment/web'])).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         upgrade\n3         initial\n\n',
    )
    expect(
      await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
    ).toBe('nginx:1.26')
    expect(await ok(['rollout', 'undo', 'deployment/web', '--to-revision=2'])).toBe(
      'deployment.apps/web rolled back\n',
    )
    await ok(['rollout', 'status', 'deployment/web', '--timeout=30s'])
    expect(
      await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
    ).toBe('nginx:1.27')
    const missing = await k.run(['rollout', 'undo', 'deployment/web', '--to-revision=42'])
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toContain('unable to find specified revision 42 in history')
  })

  it('pause blocks restart, resume and restart roll out new pods', async () => {
    expect(await ok(['rollout', 'pause', 'deployment/web'])).toBe('deployment.apps/web paused\n')
    const blocked = await k.run(['rollout', 'restart', 'deployment/web'])
    expect(blocked.stderr).toContain("can't restart paused deployment (run rollout resume first)")
    expect(await ok(['rollout', 'resume', 'deployment/web'])).toBe('deployment.apps/web resumed\n')
    const before = await ok(['get', 'rs', '-o', 'name'])
    expect(await ok(['rollout', 'restart', 'deployment/web'])).toBe('deployment.apps/web restarted\n')
    await ok(['rollout', 'status', 'deployment/web', '--timeout=30s'])
    const after = await ok(['get', 'rs', '-o', 'name'])
    expect(after.split('\n').length).toBe(before.split('\n').length + 1)
    expect(
      await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations}']),
    ).toContain('kubectl.kubernetes.io/restartedAt')
  })
})

describe('kubectl logs', () => {
  it('tails nginx-like access logs of a deployment', async () => {
    await eventually(async () => {
      const out = await ok(['logs', 'deploy/web', '--tail=2'])
      const lines = out.trim().split('\n')
      expect(lines).toHaveLength(2)
      for (const l of lines)
        expect(l).toMatch(/^10\.244\.0\.\d+ - - \[.+\] "GET \S+ HTTP\/1\.1" \d{3} \d+ "-" ".+" "-"$/)
    })
  })

  it('picks containers with -c and needs a name otherwise', async () => {
    const noName = await k.run(['logs', 'duo', '--tail=1'])
    expect(noName.stderr).toContain('Defaulted container "web" out of: web, side')
    const web = await ok(['logs', 'duo', '-c', 'web', '--timestamps', '--tail=1'])
    expect(web).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /)
  })

  it('shows the previous instance of a restarted container', async () => {
    await eventually(async () => {
      const out = await ok(['logs', 'duo', '-c', 'side', '--previous'])
      expect(out).toContain('FATAL side exiting with code 1')
    })
    const never = await k.run(['logs', 'duo', '-c', 'web', '--previous'])
    expect(never.stderr).toBe(
      'Error from server (BadRequest): previous terminated container "web" in pod "duo" not found\n',
    )
  })

  it('follows new lines until the client goes away', async () => {
    const pods = (await ok(['get', 'pods', '-l', 'app=web', '-o', 'name'])).trim().split('\n')
    const follow = k.spawn(['logs', '-f', '--tail=1', pods[0] ?? ''])
    let seen = ''
    follow.stdout?.on('data', (d: Buffer) => (seen += d.toString()))
    await eventually(async () => expect(seen.trim().split('\n').length).toBeGreaterThanOrEqual(4))
    follow.kill()
  })
})
