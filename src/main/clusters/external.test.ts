import { describe, expect, it } from 'vitest'
import { listExternalClusters } from './external'

const contexts = [
  { name: 'docker-desktop', server: 'https://kubernetes.docker.internal:6443' },
  { name: 'k3d-dev', server: 'https://0.0.0.0:40001' },
  { name: 'kind-mine', server: 'https://127.0.0.1:40002' },
  { name: 'prod', server: 'https://prod.example.com' },
  { name: 'orbstack', server: 'https://127.0.0.1:26443' },
]

describe('listExternalClusters', () => {
  it('lists recognised contexts that no provider manages, with reachability and version', async () => {
    const asked: string[] = []
    const list = await listExternalClusters({
      contexts: async () => contexts,
      managedContexts: async () => new Set(['kind-mine']),
      version: async (context) => {
        asked.push(context)
        if (context === 'orbstack')
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
        return context === 'k3d-dev' ? 'v1.31.4+k3s1' : 'v1.32.2'
      },
    })
    expect(asked.sort()).toEqual(['docker-desktop', 'k3d-dev', 'orbstack'])
    expect(list).toEqual([
      {
        contextName: 'docker-desktop',
        distribution: 'docker-desktop',
        label: 'Docker Desktop',
        server: 'https://kubernetes.docker.internal:6443',
        reachable: true,
        kubernetesVersion: 'v1.32.2',
      },
      expect.objectContaining({ contextName: 'k3d-dev', label: 'k3d', kubernetesVersion: 'v1.31.4+k3s1' }),
      expect.objectContaining({
        contextName: 'orbstack',
        reachable: false,
        problem: 'Nothing is listening at its address: it is probably stopped.',
      }),
    ])
  })

  it('gives up on a server that does not answer, in bounded time', async () => {
    const [only] = await listExternalClusters({
      contexts: async () => [contexts[0]!],
      managedContexts: async () => new Set(),
      timeoutMs: 50,
      version: (_context, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    })
    expect(only).toMatchObject({ reachable: false, problem: 'It did not answer within 0.05 s.' })
  })
})
