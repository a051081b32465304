import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionMethods } from '@shared/contract/actions'
import { resourceMethods } from '@shared/contract/resources'
import { startFixture, type SandboxFixture } from '../../../test/support/sandbox-fixture'
import { createActionHandlers } from '../handlers/actions'
import { createResourceHandlers } from '../handlers/resources'
import { createKubeService } from '../kube/service'
import { writeCalls } from '../../../test/support/write-calls'

// Every write Skiff makes names fieldManager=skiff, so Helm and Argo see Skiff as the owner of what it changed
// and nothing else (Lens wrote as "node-fetch" and broke Helm upgrades: lensapp/lens#8284).

let f: SandboxFixture

beforeAll(async () => {
  f = await startFixture('field-manager', 50)
})
afterAll(async () => {
  await f?.stop()
})

interface ManagedEntry {
  manager?: string
  operation?: string
  subresource?: string
}

async function managers(args: string[]): Promise<ManagedEntry[]> {
  const obj = JSON.parse(await f.kubectl.out([...args, '-o', 'json', '--show-managed-fields'])) as {
    metadata?: { managedFields?: ManagedEntry[] }
  }
  return obj.metadata?.managedFields ?? []
}

describe('fieldManager=skiff on every write', () => {
  it('scale, set image, restart, pause, resume, undo and namespace creation are recorded as skiff', async () => {
    await f.kubectl.out(['create', 'deployment', 'web', '--image=nginx:1.27'])
    const actions = createActionHandlers(f.deps).methods
    const kube = createKubeService({ getKubeConfig: f.deps.getKubeConfig })
    const resources = createResourceHandlers(kube).methods
    const ref = { namespace: 'default', name: 'web' }
    const call = async <M extends keyof typeof actionMethods>(m: M, input: unknown): Promise<void> => {
      await (actions[m] as (i: unknown) => Promise<unknown>)(actionMethods[m].input.parse(input))
    }
    await call('deployments.scale', { ...ref, replicas: 3 })
    await call('deployments.setImage', { ...ref, container: 'nginx', image: 'nginx:1.28' })
    await call('rollout.restart', ref)
    await call('rollout.pause', ref)
    await call('rollout.resume', ref)
    await call('rollout.undo', ref)
    await resources['namespaces.create'](
      resourceMethods['namespaces.create'].input.parse({ name: 'made-by-skiff' }),
    )
    kube.close()

    // What kubectl created is kubectl's; status is the controllers'; every other writer must be Skiff.
    const others = (entries: ManagedEntry[]): ManagedEntry[] =>
      entries.filter(
        (e) => e.manager !== 'kubectl-create' && e.subresource !== 'status' && e.manager !== 'skiff',
      )
    const deployment = await managers(['get', 'deployment', 'web'])
    expect(deployment.filter((e) => e.manager === 'skiff').length).toBeGreaterThan(0)
    expect(others(deployment)).toEqual([])
    const namespace = await managers(['get', 'namespace', 'made-by-skiff'])
    expect(namespace.map((e) => e.manager)).toContain('skiff')
    expect(others(namespace)).toEqual([])
  })

  it('no write call in src/main leaves the field manager out', () => {
    // Every client-node write (createX, patchX, replaceX) and raw POST/PUT/PATCH request, call by call, must pass
    // FIELD_MANAGER (or 'skiff'); the sandbox test above proves the calls it reaches really do.
    const root = join(__dirname, '..')
    const files: string[] = []
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path)
      }
    }
    walk(root)
    const calls = files.flatMap((file) =>
      writeCalls(readFileSync(file, 'utf8')).map((c) => ({ ...c, file: file.slice(root.length + 1) })),
    )
    expect(files.length).toBeGreaterThan(50)
    expect(calls.length).toBeGreaterThan(15)
    expect(calls.filter((c) => !c.namesManager).map((c) => `${c.file}:${c.line} ${c.call}`)).toEqual([])
  })
})
