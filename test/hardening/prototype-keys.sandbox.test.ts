import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKubeService, type KubeService } from '../../src/main/kube'
import { kubeConfigFor } from '../support/kube'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { kubectlFor, type KubectlRunner } from '../support/kubectl'

// Keys a person types (a secret key, a label in a selector) are data: "constructor", "__proto__" and
// friends must never be looked up through Object.prototype.
const protoKeys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']
let sb: RunningSandbox
let kubectl: KubectlRunner
let kube: KubeService

beforeAll(async () => {
  sb = await startSandbox({ name: 'proto-keys' })
  kubectl = await kubectlFor(sb)
  kube = createKubeService({ getKubeConfig: async () => kubeConfigFor(sb) })
  for (const args of [
    ['create', 'secret', 'generic', 'plain', '--from-literal=password=hunter2'],
    ['create', 'secret', 'generic', 'odd', '--from-literal=constructor=real-value'],
    ['run', 'web', '--image=nginx'],
  ]) {
    const r = await kubectl.run(args)
    if (r.exitCode !== 0) throw new Error(r.stderr)
  }
}, 60_000)
afterAll(async () => {
  kube.close()
  await kubectl.cleanup()
  await sb.stop()
})

describe('prototype-named keys', () => {
  it('secrets.reveal: a missing key named like a prototype member is NotFound, a real one is revealed', async () => {
    for (const key of protoKeys) {
      await expect(kube.revealSecret({ namespace: 'default', name: 'plain', key })).rejects.toMatchObject({
        code: 'NotFound',
      })
    }
    expect(await kube.revealSecret({ namespace: 'default', name: 'odd', key: 'constructor' })).toMatchObject({
      value: 'real-value',
    })
  })

  it('the sandbox label selector does not see Object.prototype members as labels (checked with kubectl)', async () => {
    for (const key of ['constructor', 'toString']) {
      const r = await kubectl.run(['get', 'pods', '-l', key, '-o', 'name'])
      expect(r.exitCode).toBe(0)
      expect(r.stdout.trim(), key).toBe('')
    }
    const all = await kubectl.run(['get', 'pods', '-l', 'run', '-o', 'name'])
    expect(all.stdout.trim()).toBe('pod/web')
  })
})
